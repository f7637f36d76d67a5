"""Article text → candidate events: clean, publication date, dates, people, events.

:func:`dateline.extract.article.extract_article` does the work; :mod:`temporal` is the only
user of dateparser (imported on first use). Results are cached by
:mod:`dateline.extract.cache`, which imports the extractor only for an article it has not
seen, so a build whose articles are all cached never loads it. Bump
:data:`EXTRACTOR_VERSION` whenever a change here can change what is found, so cached results
are not reused.
"""

EXTRACTOR_VERSION = "5"
