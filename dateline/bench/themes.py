# ruff: noqa: E501 -- template text keeps its own lines
"""The Hugo layouts and Pelican templates of the benchmark sites, written for this benchmark."""

from __future__ import annotations

HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = "Bench timeline"
languageCode = "en"
disableKinds = ["rss", "sitemap", "robotstxt"]
[taxonomies]
  person = "persons"
  label = "labels"
[[cascade]]
  [cascade.build]
    render = "never"
  [cascade.target]
    kind = "{taxonomy,term}"
"""

_HUGO_CARD = """\
<article class="card" id="{{ .File.ContentBaseName }}" data-year="{{ .Date.Year }}">
  <p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Params.datelabel }}</time></p>
  <h3 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
  <p class="summary">{{ .Params.summary }}</p>
  <p class="meta"><span class="people">{{ range $i, $slug := .Params.persons }}{{ with site.GetPage (printf "/people/%s" $slug) }}{{ if $i }}, {{ end }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}</span>
  · {{ len .Params.sources }} sources</p>
  <ul class="tags">{{ range .Params.labels }}<li>{{ . }}</li>{{ end }}</ul>
</article>
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title>
<link rel="stylesheet" href="/static/style.css"></head>
<body><header><a href="/">{{ site.Title }}</a> <a href="/people/">People</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "partials/card.html": _HUGO_CARD,
    "index.html": """\
{{ define "main" }}<h1>{{ site.Title }}</h1>
{{ $events := where site.RegularPages "Section" "events" }}
<p class="meta">{{ len $events }} events</p>
{{ range $events.GroupByDate "2006" "asc" }}<section class="year"><h2>{{ .Key }}</h2>
{{ range .Pages.ByDate }}{{ partial "card.html" . }}{{ end }}</section>
{{ end }}{{ end }}
""",
    "events/single.html": """\
{{ define "main" }}<article class="event">
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Params.datelabel }}</time></p>
<h1>{{ .Title }}</h1><p class="lede">{{ .Params.summary }}</p>
<dl class="facts"><dt>People</dt><dd>{{ range $i, $slug := .Params.persons }}{{ with site.GetPage (printf "/people/%s" $slug) }}{{ if $i }}, {{ end }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}</dd>
<dt>Places</dt><dd>{{ delimit .Params.places ", " }}</dd>
<dt>Tags</dt><dd>{{ range .Params.labels }}<span class="tag">{{ . }}</span> {{ end }}</dd></dl>
<div class="body">{{ .Content }}</div>
<section class="sources"><h2>Sources</h2><ol>{{ range .Params.sources }}<li><span class="outlet">{{ .outlet }}</span>: <a href="{{ .url }}" rel="noopener">{{ .title }}</a></li>{{ end }}</ol></section>
<nav class="prevnext">{{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">Previous {{ .Title }}</a>{{ end }}
{{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">Next {{ .Title }}</a>{{ end }}</nav>
</article>{{ end }}
""",
    "people/single.html": """\
{{ define "main" }}<article class="person"><h1>{{ .Title }}</h1>
<p class="meta">Also written {{ delimit .Params.aliases_shown ", " }}</p><p class="meta">born {{ .Params.born }}</p>
<h2>Roles</h2><ul class="roles">{{ range .Params.roles }}<li>{{ .title }}, {{ .from }} – present</li>{{ end }}</ul>
<div class="body">{{ .Content }}</div>
<h2>Events</h2>
{{ with index site.Taxonomies.persons .File.ContentBaseName }}{{ range .Pages.ByDate }}{{ partial "card.html" . }}{{ end }}{{ else }}<p>No events yet.</p>{{ end }}
</article>{{ end }}
""",
    "people/list.html": """\
{{ define "main" }}<h1>People</h1><ul class="people">
{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ with index site.Taxonomies.persons .File.ContentBaseName }}{{ len . }}{{ else }}0{{ end }} events</li>
{{ end }}</ul>{{ end }}
""",
    "tags/single.html": """\
{{ define "main" }}<p class="meta"><a href="/tags/">Tags</a></p><h1>{{ .Title }}</h1>
{{ with index site.Taxonomies.labels .File.ContentBaseName }}<p class="lede">{{ len . }} events.</p>
{{ range .Pages.ByDate }}{{ partial "card.html" . }}{{ end }}{{ end }}{{ end }}
""",
    "tags/list.html": """\
{{ define "main" }}<h1>Tags</h1><ul class="tag-index">
{{ range site.Taxonomies.labels.ByCount }}<li><a class="tag" href="/tags/{{ .Name }}/">{{ .Name }}</a> {{ .Count }} events</li>
{{ end }}</ul>{{ end }}
""",
    "_default/search.html": """\
{{ define "main" }}<h1>Search</h1><form class="search-form" role="search" method="get">
<label for="q">Search events and people</label><input id="q" type="search" name="q"></form>
<ol class="search-results" id="search-results"></ol>{{ end }}
""",
    "404.html": """\
{{ define "main" }}<h1>Not found</h1><p>This page does not exist.</p>{{ end }}
""",
}

PELICAN_CONF = """\
SITENAME = "Bench timeline"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "theme"
ARTICLE_PATHS = ["events"]
ARTICLE_URL = "events/{slug}/"
ARTICLE_SAVE_AS = "events/{slug}/index.html"
PAGE_URL = "people/{slug}/"
PAGE_SAVE_AS = "people/{slug}/index.html"
PAGE_PATHS = ["people", "labels", "extra"]
DIRECT_TEMPLATES = ["index", "people", "labels"]
PEOPLE_SAVE_AS = "people/index.html"
LABELS_SAVE_AS = "tags/index.html"
DEFAULT_PAGINATION = False
STATIC_PATHS = []
TAG_SAVE_AS = TAGS_SAVE_AS = CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
_NEIGHBOURS = {}


def _neighbours(article, articles):
    key = id(articles)
    if key not in _NEIGHBOURS:
        _NEIGHBOURS.clear()
        _NEIGHBOURS[key] = {item.slug: index for index, item in enumerate(articles)}
    index = _NEIGHBOURS[key][article.slug]
    older = articles[index + 1] if index + 1 < len(articles) else None
    return older, articles[index - 1] if index > 0 else None


JINJA_FILTERS = {"neighbours": _neighbours}
"""

_PELICAN_CARD = """\
{% macro card(article) -%}
<article class="card" id="{{ article.slug }}" data-year="{{ article.date.year }}">
  <p class="meta"><time datetime="{{ article.date.strftime('%Y-%m-%d') }}">{{ article.datelabel }}</time></p>
  <h3 class="card-title"><a href="/{{ article.url }}">{{ article.title }}</a></h3>
  <p class="summary">{{ article.summary }}</p>
  {% set names = article.names.split('|') %}
  <p class="meta"><span class="people">{% for tag in article.tags %}<a href="/people/{{ tag.slug }}/">{{ names[loop.index0] }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</span>
  · {{ article.sources.split(';;') | length }} sources</p>
  <ul class="tags">{% for label in article.labels.split(', ') %}<li>{{ label }}</li>{% endfor %}</ul>
</article>
{%- endmacro %}
"""

PELICAN_TEMPLATES = {
    "base.html": """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{% block title %}{{ SITENAME }}{% endblock %}</title>
<link rel="stylesheet" href="/static/style.css"></head>
<body><header><a href="/">{{ SITENAME }}</a> <a href="/people/">People</a></header>
<main>{% block main %}{% endblock %}</main></body></html>
""",
    "_card.html": _PELICAN_CARD,
    "index.html": """\
{% extends "base.html" %}{% from "_card.html" import card %}
{% block main %}<h1>{{ SITENAME }}</h1><p class="meta">{{ articles | length }} events</p>
{% for year, items in articles | groupby('date.year') %}<section class="year"><h2>{{ year }}</h2>
{% for article in items | sort(attribute='date') %}{{ card(article) }}{% endfor %}</section>
{% endfor %}{% endblock %}
""",
    "article.html": """\
{% extends "base.html" %}
{% block title %}{{ article.title }} · {{ SITENAME }}{% endblock %}
{% block main %}<article class="event">
<p class="meta"><time datetime="{{ article.date.strftime('%Y-%m-%d') }}">{{ article.datelabel }}</time></p>
<h1>{{ article.title }}</h1><p class="lede">{{ article.summary }}</p>
{% set names = article.names.split('|') %}
<dl class="facts"><dt>People</dt><dd>{% for tag in article.tags %}<a href="/people/{{ tag.slug }}/">{{ names[loop.index0] }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</dd>
<dt>Places</dt><dd>{{ article.places }}</dd>
<dt>Tags</dt><dd>{% for label in article.labels.split(', ') %}<span class="tag">{{ label }}</span> {% endfor %}</dd></dl>
<div class="body">{{ article.content }}</div>
<section class="sources"><h2>Sources</h2><ol>{% for source in article.sources.split(';;') %}{% set s = source.split('|') %}<li><span class="outlet">{{ s[2] }}</span>: <a href="{{ s[0] }}" rel="noopener">{{ s[1] }}</a></li>{% endfor %}</ol></section>
{% set older, newer = article | neighbours(articles) %}
<nav class="prevnext">{% if older %}<a rel="prev" href="/{{ older.url }}">Previous {{ older.title }}</a>{% endif %}
{% if newer %}<a rel="next" href="/{{ newer.url }}">Next {{ newer.title }}</a>{% endif %}</nav>
</article>{% endblock %}
""",
    "page.html": """\
{% extends "base.html" %}{% from "_card.html" import card %}
{% block title %}{{ page.title }} · {{ SITENAME }}{% endblock %}
{% block main %}<article class="person"><h1>{{ page.title }}</h1>
<p class="meta">Also written {{ page.aliases }}</p><p class="meta">born {{ page.born }}</p>
<h2>Roles</h2><ul class="roles"><li>{{ page.role }}, {{ page.rolefrom }} – present</li></ul>
<div class="body">{{ page.content }}</div>
<h2>Events</h2>
{% for tag, items in tags if tag.slug == page.slug %}{% for article in items | sort(attribute='date') %}{{ card(article) }}{% endfor %}
{% else %}<p>No events yet.</p>{% endfor %}
</article>{% endblock %}
""",
    "people.html": """\
{% extends "base.html" %}
{% block main %}<h1>People</h1>
{% set counts = {} %}{% for tag, items in tags %}{% set _ = counts.update({tag.slug: items | length}) %}{% endfor %}
<ul class="people">{% for page in pages | sort(attribute='title') %}<li><a href="/{{ page.url }}">{{ page.title }}</a> {{ counts.get(page.slug, 0) }} events</li>
{% endfor %}</ul>{% endblock %}
""",
    "label.html": """\
{% extends "base.html" %}{% from "_card.html" import card %}
{% block main %}<p class="meta"><a href="/tags/">Tags</a></p><h1>{{ page.title }}</h1>
{% set tagged = [] %}{% for article in articles %}{% if page.title in article.labels.split(', ') %}{% set _ = tagged.append(article) %}{% endif %}{% endfor %}
<p class="lede">{{ tagged | length }} events.</p>
{% for article in tagged | sort(attribute='date') %}{{ card(article) }}{% endfor %}{% endblock %}
""",
    "labels.html": """\
{% extends "base.html" %}
{% block main %}<h1>Tags</h1>
{% set counts = {} %}{% for article in articles %}{% for label in article.labels.split(', ') %}{% set _ = counts.update({label: counts.get(label, 0) + 1}) %}{% endfor %}{% endfor %}
<ul class="tag-index">{% for label, count in counts | dictsort(by='value', reverse=true) %}<li><a class="tag" href="/tags/{{ label }}/">{{ label }}</a> {{ count }} events</li>
{% endfor %}</ul>{% endblock %}
""",
    "search.html": """\
{% extends "base.html" %}
{% block main %}<h1>Search</h1><form class="search-form" role="search" method="get">
<label for="q">Search events and people</label><input id="q" type="search" name="q"></form>
<ol class="search-results" id="search-results"></ol>{% endblock %}
""",
    "notfound.html": """\
{% extends "base.html" %}
{% block main %}<h1>Not found</h1><p>This page does not exist.</p>{% endblock %}
""",
}
