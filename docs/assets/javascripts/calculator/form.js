// @ts-check
/*
 * The form: the visitor's values in and out, and the model's messages at
 * their fields. Values are set with `.value` and `.checked`, messages with
 * `.textContent`; all validation is the model's.
 */
import { part, setHidden, setText } from "./dom.js";

/** @typedef {Record<string, string>} FieldValues  raw field values by key, as typed */
/** @typedef {{input: HTMLInputElement | HTMLSelectElement, error: HTMLElement}} Field */

/**
 * The form's own fields, by key: model error keys are looked up here and
 * never used to build a selector.
 * @param {HTMLFormElement} form
 * @returns {Map<string, Field>}
 */
function fieldsOf(form) {
  const fields = new Map();
  for (const wrapper of form.querySelectorAll("[data-field]")) {
    fields.set(/** @type {HTMLElement} */ (wrapper).dataset.field ?? "", {
      input: part(wrapper, "input, select"),
      error: part(wrapper, "[data-error-for]"),
    });
  }
  return fields;
}

/** @param {Field["input"]} input */
function isCheckbox(input) {
  return input instanceof HTMLInputElement && input.type === "checkbox";
}

/**
 * Writes `value` into `input` as text or as a checkbox's state.
 * @param {Field["input"]} input @param {string} value
 */
function writeValue(input, value) {
  if (isCheckbox(input)) {
    // A value other than true/false keeps the default; the model's message says why.
    if (value === "true" || value === "false") /** @type {HTMLInputElement} */ (input).checked = value === "true";
    return;
  }
  // An unknown choice from a link becomes a visible option (as text), so the
  // model's message about it shows at the field and nothing is lost.
  if (input instanceof HTMLSelectElement && ![...input.options].some((option) => option.value === value)) {
    input.add(new Option(value, value));
  }
  input.value = value;
}

/**
 * Each message at its field; what no field of the form shows (another format
 * version, a key the form lacks) and `extra` in `notice`, above the form.
 * @param {Map<string, Field>} fields @param {HTMLElement} notice
 * @param {Record<string, string>} errors @param {Record<string, string>} extra
 */
function showErrors(fields, notice, errors, extra) {
  for (const [key, { input, error }] of fields) {
    const message = errors[key];
    setText(error, message || "");
    setHidden(error, !message);
    if (message) {
      input.setAttribute("aria-invalid", "true");
      input.closest("details")?.setAttribute("open", "");
    } else if (input.hasAttribute("aria-invalid")) {
      input.removeAttribute("aria-invalid");
    }
  }
  const general = [
    ...Object.entries(errors).filter(([key]) => !fields.has(key)).map(([, message]) => message),
    ...Object.values(extra),
  ];
  if (general.length > 0 || notice.hasChildNodes()) {
    notice.replaceChildren(...general.map((message) => {
      const paragraph = document.createElement("p");
      paragraph.textContent = message;
      return paragraph;
    }));
  }
  setHidden(notice, general.length === 0);
}

/**
 * @param {HTMLElement} root  the calculator
 * @param {FieldValues} presets  the page's example, which "Återställ" brings back
 */
export function formView(root, presets) {
  const form = /** @type {HTMLFormElement} */ (part(root, "[data-calc-form]"));
  const notice = part(root, "[data-calc-notice]");
  const fields = fieldsOf(form);

  return {
    form,
    keys: new Set(fields.keys()),
    /** @returns {FieldValues} */
    read() {
      return Object.fromEntries([...fields].map(([key, { input }]) => [
        key, isCheckbox(input) ? String(/** @type {HTMLInputElement} */ (input).checked) : input.value,
      ]));
    },
    /** @param {FieldValues} values */
    write(values) {
      for (const [key, value] of Object.entries(values)) {
        const input = fields.get(key)?.input;
        if (!input) continue;
        // A changed assumption must be visible, not folded away.
        if (value !== presets[key]) input.closest("details")?.setAttribute("open", "");
        writeValue(input, value);
      }
    },
    /** @param {Record<string, string>} errors @param {Record<string, string>} [extra] */
    showErrors(errors, extra = {}) {
      showErrors(fields, notice, errors, extra);
    },
    /**
     * Whether the message about `key` can show at a field of the form: a
     * checkbox holds only yes or no, so a link's other value is reported above.
     * @param {string} key
     */
    showsAtField(key) {
      const input = fields.get(key)?.input;
      return input !== undefined && !isCheckbox(input);
    },
  };
}
