// @ts-check
/*
 * The link and history state: the calculator's own part of the page's
 * address, the share link, and the scenario written into the address bar.
 *
 * A campaign link carries parameters for others (utm_*, fbclid, gclid, …):
 * the calculator's own are only the format version and its field keys. The
 * others stay where they were and get no message.
 */
import { part, setAttr, setText } from "./dom.js";

const VERSION_KEY = "v"; // the share query's format version, read by the model

/**
 * The raw `key=value` pairs of a query, each with its decoded key.
 * @param {string} search
 */
function queryPairs(search) {
  return search.replace(/^\?/, "").split("&").filter(Boolean).map((raw) => {
    const [[key = ""] = []] = new URLSearchParams(raw);
    return { raw, key };
  });
}

/** @param {string} key @param {Set<string>} keys  the form's field keys */
function isOwn(key, keys) {
  return key === VERSION_KEY || keys.has(key);
}

/**
 * Whether the page's link is meant for `root`: the calculator its #id names,
 * or the only one on the page.
 * @param {HTMLElement} root
 */
function linkIsFor(root) {
  let id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // not percent-encoded text: then it names no calculator as it stands
  }
  const named = id ? document.getElementById(id) : null;
  if (named && named.matches("[data-calculator]")) return named === root;
  return document.querySelectorAll("[data-calculator]").length === 1;
}

/**
 * @param {HTMLElement} root  the calculator
 * @param {Set<string>} keys  the form's field keys
 */
export function linkState(root, keys) {
  const field = /** @type {HTMLInputElement} */ (part(root, "[data-calc-link]"));
  const printLink = /** @type {HTMLAnchorElement} */ (part(root, "[data-calc-print-link]"));
  const copyStatus = part(root, "[data-calc-copy-status]");

  /** The calculator's part of the page's own address, when the link is meant for it. */
  function ownQuery() {
    if (!linkIsFor(root)) return "";
    return queryPairs(location.search).filter(({ key }) => isOwn(key, keys)).map(({ raw }) => raw).join("&");
  }

  /** The share link of `query`: this page, only the calculator's keys, its #id. @param {string} query */
  function shareLink(query) {
    const url = new URL(location.href);
    url.search = query;
    url.hash = root.id;
    return url.href;
  }

  /** The share field and the printed link show `query`'s share link, which is returned. @param {string} query */
  function show(query) {
    const link = shareLink(query);
    if (field.value !== link) field.value = link;
    setAttr(printLink, "href", link);
    setText(printLink, link);
    return link;
  }

  /**
   * The address bar carries the visitor's scenario, without a history entry:
   * the calculator's part replaced by `query`, the other parameters kept.
   * @param {string} query
   */
  function record(query) {
    const url = new URL(location.href);
    const others = queryPairs(url.search).filter(({ key }) => !isOwn(key, keys)).map(({ raw }) => raw);
    url.search = [query, ...others].filter(Boolean).join("&");
    url.hash = root.id;
    history.replaceState(history.state, "", url.href);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(field.value);
      copyStatus.textContent = "Länken är kopierad.";
    } catch {
      field.select();
      copyStatus.textContent = "Markera länken och kopiera den med Ctrl+C (⌘+C på Mac).";
    }
  }

  return { ownQuery, show, record, copy };
}
