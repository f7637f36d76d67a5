// Site search with the Pagefind index built next to the site (pagefind/).
// The site root is found from this file's own address, so search works under any sub-path.
const root = new URL("../", import.meta.url);
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const LIMIT = 20;
let engine = null;
let latest = 0;

async function loadEngine() {
  if (engine === null) {
    engine = import(new URL("pagefind/pagefind.js", root).href).then(async (pagefind) => {
      await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
      return pagefind;
    });
  }
  return engine;
}

// Pagefind's excerpt is escaped text with <mark> around matches: keep only those two.
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
  const nodes = [];
  parsed.body.firstChild.childNodes.forEach((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  });
  return nodes;
}

function resultItem(data) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = (data.meta && data.meta.title) || data.url;
  const heading = document.createElement("h2");
  heading.appendChild(link);
  const kind = document.createElement("p");
  kind.className = "meta";
  kind.textContent = (data.meta && (data.meta.kind || data.meta.date)) || "";
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  excerptNodes(data.excerpt || "").forEach((node) => excerpt.appendChild(node));
  item.append(kind, heading, excerpt);
  return item;
}

function describe(query, total, shown) {
  if (total === 0) { return "Nothing found for “" + query + "”."; }
  const count = total + " result" + (total === 1 ? "" : "s") + " for “" + query + "”";
  return count + (total > shown ? ", the first " + shown + " shown." : ".");
}

async function showMore(query, found, ticket) {
  const from = list.children.length;
  const batch = await Promise.all(found.results.slice(from, from + LIMIT).map((r) => r.data()));
  if (ticket !== latest) { return; }
  const items = batch.map(resultItem);
  list.append(...items);
  more.hidden = list.children.length >= found.results.length;
  status.textContent = describe(query, found.results.length, list.children.length);
  if (from > 0 && items.length) { items[0].querySelector("a").focus(); }
}

async function run(query) {
  const ticket = ++latest;
  list.replaceChildren();
  more.hidden = true;
  if (!query.trim()) {
    status.textContent = "Type a name, a place or a word.";
    return;
  }
  status.textContent = "Searching…";
  let pagefind;
  try {
    pagefind = await loadEngine();
  } catch (error) {
    status.textContent = "Search is not available in this copy of the site: its index was not built.";
    return;
  }
  const found = await pagefind.search(query);
  if (ticket !== latest) { return; }
  more.onclick = () => showMore(query, found, ticket);
  await showMore(query, found, ticket);
}

function remember(query) {
  const address = new URL(location.href);
  if (query) { address.searchParams.set("q", query); } else { address.searchParams.delete("q"); }
  history.replaceState(null, "", address);
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => { remember(input.value); run(input.value); }, 150);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  remember(input.value);
  run(input.value);
});
input.value = new URLSearchParams(location.search).get("q") || "";
run(input.value);
if (!input.value) { input.focus(); }
