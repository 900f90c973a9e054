// @ts-check
/*
 * The contact route of the site (see sitebuild/contact.py for the contract).
 *
 * - Every `a[data-contact-cta]` leads where the build pointed it
 *   (sitebuild/contact_routes.py): the mail program (a `mailto:` with a
 *   Swedish subject and body), the form on this page (`#kontakt`), or the
 *   form on another page (its `#kontakt`). Without a form endpoint a
 *   `#kontakt` link on this page becomes the mail link too.
 * - A page script may dispatch `kontakt:scenario` on `document` with
 *   `detail = {summary, link}`: the latest scenario then goes into those mail
 *   links (its lines and share link, or as much as fits in `maxHrefChars`),
 *   into links to another page's form (its share query) and into the form's
 *   message, unless the visitor has written their own. A page opened from
 *   such a link starts the message with that share link.
 * - The form is sent with fetch so the visitor stays on the page and is told,
 *   in Swedish, whether it worked; on failure everything typed stays put.
 * - Bots are kept out without a third party: a post whose hidden trap field
 *   (`honeypotField`) is filled is dropped with the usual thanks, and one sent
 *   sooner than MIN_FILL_MS after the form was shown is held back with a calm
 *   request to send again (what was typed stays). Without JavaScript the
 *   browser posts the form itself; then only a form service that knows the
 *   trap's name (Formspree's `_gotcha`) drops it.
 *
 * The link's address and subject (encoded), the wording and the longest link
 * come from the page (`#kontakt-config`, rendered from sitebuild/mail_link.py),
 * so they are written in one place only.
 */

/**
 * `#kontakt-config`: sitebuild/contact.py's `script_config`.
 * @typedef {object} ContactConfig
 * @property {string} email The site's contact address.
 * @property {string | null} formEndpoint Where the form posts; null without a form.
 * @property {string} honeypotField The name of the form's trap field, which only bots fill.
 * @property {string} reply Who answers and when, said after a sent message.
 * @property {string} mailtoPrefix `mailto:` with the address and the subject, encoded; the body follows.
 * @property {string} intro The message's text before any scenario.
 * @property {string} scenarioPrefix The text before a scenario in the message.
 * @property {number} maxHrefChars The longest `mailto:` link some mail programs still open.
 */

/**
 * The detail of a `kontakt:scenario` event.
 * @typedef {object} ContactScenario
 * @property {string} [summary]
 * @property {string} [link]
 */

(() => {
  "use strict";

  const TIMEOUT_MS = 15000;
  /* No person types a name, an address and a message this fast; form-filling bots do. */
  const MIN_FILL_MS = 3000;
  const MESSAGES = {
    sending: "Skickar …",
    ok: (/** @type {string} */ reply) => `Tack! Vi har fått ditt meddelande. ${reply}`,
    tooSoon: "Det gick väldigt fort. Kontrollera gärna det du skrivit och tryck på Skicka förfrågan igen.",
    failed: (/** @type {string} */ email) =>
      `Det gick inte att skicka just nu. Det du skrev finns kvar – försök igen om en stund, eller mejla oss på ${email}.`,
  };

  /** The latest scenario's lines and share link; empty until one arrives. */
  let scenario = { summary: "", link: "" };

  /** @returns {ContactConfig | null} */
  function readConfig() {
    const element = document.getElementById("kontakt-config");
    return element ? JSON.parse(element.textContent || "null") : null;
  }

  /** sitebuild/mail_link.py's `scenario_text`.
   * @param {string} summary
   * @param {string} link */
  function scenarioText(summary, link) {
    return [summary.trim(), link.trim()].filter(Boolean).join("\n");
  }

  /** sitebuild/mail_link.py's `message_text`.
   * @param {ContactConfig} config
   * @param {string} text */
  function messageText(config, text) {
    return text.trim() ? config.scenarioPrefix + text.trim() : config.intro;
  }

  /** sitebuild/mail_link.py's `encode`: RFC 6068, every character but RFC 3986's
   * unreserved ones percent-encoded (encodeURIComponent leaves !'()* as they
   * are), line breaks as CRLF.
   * @param {string} text */
  function encodeMailto(text) {
    return encodeURIComponent(text.replace(/\r?\n/g, "\r\n"))
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }

  /** sitebuild/mail_link.py's `mailto_href`: the scenario's lines and share link,
   * else the share link alone, else the intro, whichever first fits. The
   * address and the subject come encoded from the build (`mailtoPrefix`).
   * @param {ContactConfig} config */
  function mailtoHref(config) {
    const tries = [scenarioText(scenario.summary, scenario.link), scenarioText("", scenario.link)];
    for (const text of tries) {
      const href = config.mailtoPrefix + encodeMailto(messageText(config, text));
      if (href.length <= config.maxHrefChars) return href;
    }
    return config.mailtoPrefix + encodeMailto(config.intro);
  }

  /** A link to the form on another page (its `#kontakt` at another path).
   * @param {HTMLAnchorElement} link */
  function toAnotherPage(link) {
    const target = new URL(link.href, location.href);
    return target.protocol !== "mailto:" && target.hash === "#kontakt" && target.pathname !== location.pathname;
  }

  /** @param {ContactConfig} config */
  function updateLinks(config) {
    const haveScenario = Boolean(scenario.link || scenario.summary);
    document.querySelectorAll("a[data-contact-cta]").forEach((link) => {
      if (!(link instanceof HTMLAnchorElement)) return;
      const href = link.getAttribute("href") || "";
      if (toAnotherPage(link)) {
        if (!scenario.link) return;
        const target = new URL(link.href, location.href);
        target.search = new URL(scenario.link).search;
        link.setAttribute("href", target.href);
      } else if (href.startsWith("mailto:")) {
        // Before any scenario, a mail link rendered at build time may already
        // carry the page's default scenario: keep it rather than drop it.
        if (haveScenario) link.setAttribute("href", mailtoHref(config));
      } else if (!config.formEndpoint) {
        link.setAttribute("href", mailtoHref(config));
      }
    });
  }

  /** @param {ContactConfig} config
   * @param {string} text */
  function fillMessage(config, text) {
    const field = document.querySelector("[data-contact-form] textarea[name=message]");
    if (!(field instanceof HTMLTextAreaElement) || !text) return;
    const untouched = field.value.trim() === "" || field.value === field.dataset.autofilled;
    if (!untouched) return;
    field.value = messageText(config, text);
    field.dataset.autofilled = field.value;
  }

  /** Opened from another page's contact button: the address carries the
   * scenario's share query (`v` is its version), which names the scenario
   * until this page's calculator says more. */
  function linkedScenario() {
    const url = new URL(location.href);
    if (url.hash !== "#kontakt" || !url.searchParams.has("v")) return "";
    url.hash = "";
    return url.href;
  }

  /** @param {HTMLFormElement} form
   * @param {"sending" | "ok" | "notice" | "failed"} state
   * @param {string} text */
  function showStatus(form, state, text) {
    const status = /** @type {HTMLElement} */ (form.querySelector("[data-contact-status]"));
    status.dataset.state = state;
    status.textContent = text;
  }

  /** @param {HTMLFormElement} form
   * @param {ContactConfig} config */
  async function send(form, config) {
    const button = /** @type {HTMLButtonElement} */ (form.querySelector("button[type=submit]"));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    button.disabled = true;
    showStatus(form, "sending", MESSAGES.sending);
    try {
      // FormData makes a CORS "simple request": no preflight, as form services expect.
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      thank(form, config);
    } catch (error) {
      showStatus(form, "failed", MESSAGES.failed(config.email));
    } finally {
      clearTimeout(timer);
      button.disabled = false;
    }
  }

  /**
   * @param {HTMLFormElement} form
   * @param {ContactConfig} config
   */
  function thank(form, config) {
    form.reset();
    delete /** @type {HTMLTextAreaElement} */ (form.querySelector("textarea[name=message]")).dataset.autofilled;
    showStatus(form, "ok", MESSAGES.ok(config.reply));
  }

  /**
   * What to do with a submit: send it, or hold it back because a bot seems to be posting.
   * @param {HTMLFormElement} form
   * @param {ContactConfig} config
   * @param {number} shownAt `performance.now()` when the form was shown.
   * @returns {"send" | "trap" | "tooSoon"}
   */
  function verdict(form, config, shownAt) {
    const trap = form.elements.namedItem(config.honeypotField);
    if (trap instanceof HTMLInputElement && trap.value !== "") return "trap";
    return performance.now() - shownAt < MIN_FILL_MS ? "tooSoon" : "send";
  }

  document.addEventListener("kontakt:scenario", (event) => {
    /** @type {ContactScenario} */
    const detail = (event instanceof CustomEvent && event.detail) || {};
    const { summary = "", link = "" } = detail;
    scenario = { summary, link };
    const config = readConfig();
    if (!config) return;
    updateLinks(config);
    fillMessage(config, scenarioText(summary, link));
  });

  // Material's instant navigation swaps pages without reloading scripts:
  // document$ emits for the first page and after every navigation.
  document$.subscribe(() => {
    const config = readConfig();
    if (!config) return;
    updateLinks(config);
    fillMessage(config, scenarioText(scenario.summary, scenario.link) || linkedScenario());
    const form = document.querySelector("[data-contact-form]");
    if (!(form instanceof HTMLFormElement)) return;
    const shownAt = performance.now();
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const outcome = verdict(form, config, shownAt);
      if (outcome === "trap") thank(form, config);
      else if (outcome === "tooSoon") showStatus(form, "notice", MESSAGES.tooSoon);
      else send(form, config);
    });
  });
})();
