// What the first calculator of a page shows, for the engine visits
// (firefox_visit.mjs, webkit_visit.py): one function expression that each
// driver evaluates in the page, with the selector of the saving's headline.
// Text is read as textContent, so no-break spaces stay what the model wrote.
(savingSelector) => {
  const root = document.querySelector("[data-calculator]");
  const visible = (el) => !el.hidden && el.textContent.trim() !== "" && el.getClientRects().length > 0;
  return {
    saving: document.querySelector(savingSelector)?.textContent ?? null,
    slots: [...root.querySelectorAll("[data-out]")].map((el) => [el.dataset.out, el.textContent]),
    lines: [...root.querySelectorAll("tbody[data-lines] tr")].map((row) =>
      [...row.querySelectorAll("[data-line-out]")].map((cell) => cell.textContent)),
    fields: Object.fromEntries([...root.querySelectorAll("[data-calc-form] [name]")]
      .map((el) => [el.name, el.type === "checkbox" ? String(el.checked) : el.value])),
    link: root.querySelector("[data-calc-link]")?.value ?? null,
    address: location.href,
    messages: [...root.querySelectorAll("[data-error-for], [data-calc-notice]")].filter(visible)
      .map((el) => el.textContent.trim()),
    markup: root.querySelectorAll("img, b, script").length,
    pwned: window.__pwned ?? null,
  };
}
