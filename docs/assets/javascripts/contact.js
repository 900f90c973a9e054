// @ts-check
/*
 * The contact route of the site (see sitebuild/contact.py for the contract).
 *
 * - Every `a[data-contact-cta]` goes to the mail program (a `mailto:` with a
 *   Swedish subject and body) when the site has no form endpoint, or to the
 *   form (`#kontakt`) when it has one.
 * - A page script may dispatch `kontakt:scenario` on `document` with
 *   `detail = {summary, link}`: the latest scenario then goes into those mail
 *   links and into the form's message, unless the visitor has written their own.
 * - The form is sent with fetch so the visitor stays on the page and is told,
 *   in Swedish, whether it worked; on failure everything typed stays put.
 * - Bots are kept out without a third party: a post whose hidden trap field
 *   (`honeypotField`) is filled is dropped with the usual thanks, and one sent
 *   sooner than MIN_FILL_MS after the form was shown is held back with a calm
 *   request to send again (what was typed stays). Without JavaScript the
 *   browser posts the form itself; then only a form service that knows the
 *   trap's name (Formspree's `_gotcha`) drops it.
 *
 * The link's address and subject (encoded) and the wording come from the page
 * (`#kontakt-config`, rendered from sitebuild/mail_link.py), so they are
 * written in one place only.
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

  /** Plain text of the latest scenario (summary and link); empty until one arrives. */
  let scenario = "";

  /** @returns {ContactConfig | null} */
  function readConfig() {
    const element = document.getElementById("kontakt-config");
    return element ? JSON.parse(element.textContent || "null") : null;
  }

  /** @param {ContactConfig} config */
  function messageText(config) {
    const text = scenario.trim();
    return text ? config.scenarioPrefix + text : config.intro;
  }

  /** sitebuild/mail_link.py's `encode`: RFC 6068, every character but RFC 3986's
   * unreserved ones percent-encoded (encodeURIComponent leaves !'()* as they
   * are), line breaks as CRLF.
   * @param {string} text */
  function encodeMailto(text) {
    return encodeURIComponent(text.replace(/\r?\n/g, "\r\n"))
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }

  /** The address and the subject come encoded from the build (`mailtoPrefix`).
   * @param {ContactConfig} config */
  function mailtoHref(config) {
    return config.mailtoPrefix + encodeMailto(messageText(config));
  }

  /** @param {ContactConfig} config */
  function updateLinks(config) {
    const links = document.querySelectorAll("a[data-contact-cta]");
    const href = config.formEndpoint ? "#kontakt" : mailtoHref(config);
    links.forEach((link) => {
      // Before any scenario, a mail link rendered at build time may already
      // carry the page's default scenario: keep it rather than drop it.
      const keep = !scenario && !config.formEndpoint && (link.getAttribute("href") || "").startsWith("mailto:");
      if (!keep) link.setAttribute("href", href);
    });
  }

  /** @param {ContactConfig} config */
  function fillMessage(config) {
    const field = document.querySelector("[data-contact-form] textarea[name=message]");
    if (!(field instanceof HTMLTextAreaElement) || !scenario) return;
    const untouched = field.value.trim() === "" || field.value === field.dataset.autofilled;
    if (!untouched) return;
    field.value = messageText(config);
    field.dataset.autofilled = field.value;
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
    scenario = [summary.trim(), link.trim()].filter(Boolean).join("\n");
    const config = readConfig();
    if (!config) return;
    updateLinks(config);
    fillMessage(config);
  });

  // Material's instant navigation swaps pages without reloading scripts:
  // document$ emits for the first page and after every navigation.
  document$.subscribe(() => {
    const config = readConfig();
    if (!config) return;
    updateLinks(config);
    fillMessage(config);
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
