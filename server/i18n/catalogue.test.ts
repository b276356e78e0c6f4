import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalogue, DEFAULT_LOCALE, LOCALES, negotiate, resolveLocale } from "./locales";

/** Every message key as a dotted path, with its text. */
function flatten(tree: Record<string, unknown>, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else if (v && typeof v === "object") for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
    else throw new Error(`${key} is neither a message nor a group`);
  }
  return out;
}

/** The argument names an ICU message uses ({count}, {name}, plural and select included). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(e.value);
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
    if (e.type === TYPE.tag) {
      into.add(`<${e.value}>`);
      argumentsOf(e.children, into);
    }
  }
  return into;
}

const reference = flatten(catalogue(DEFAULT_LOCALE));

describe("message catalogues", () => {
  it("ship English and Simplified Chinese at least", () => {
    expect(LOCALES).toEqual(expect.arrayContaining(["en", "zh-CN"]));
    expect(LOCALES[0]).toBe("en");
  });

  it.each(LOCALES)("%s has exactly the keys English has", (locale) => {
    const keys = [...flatten(catalogue(locale)).keys()].sort();
    const missing = [...reference.keys()].filter((k) => !keys.includes(k));
    const extra = keys.filter((k) => !reference.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(LOCALES)("%s: every message parses as ICU and uses the same arguments as English", (locale) => {
    for (const [key, text] of flatten(catalogue(locale))) {
      const args = argumentsOf(parse(text, { ignoreTag: false }));
      const want = argumentsOf(parse(reference.get(key) ?? "", { ignoreTag: false }));
      expect([...args].sort(), `${locale}: ${key}`).toEqual([...want].sort());
    }
  });
});

describe("locale choice", () => {
  it("prefers the member's setting, then the cookie, then Accept-Language", () => {
    expect(resolveLocale({ member: "zh-CN", cookie: "en", acceptLanguage: "en" })).toBe("zh-CN");
    expect(resolveLocale({ member: null, cookie: "zh-CN", acceptLanguage: "en" })).toBe("zh-CN");
    expect(resolveLocale({ member: "xx", cookie: "yy", acceptLanguage: "zh-CN,zh;q=0.9" })).toBe("zh-CN");
    expect(resolveLocale({})).toBe("en");
  });

  it("negotiates Accept-Language by quality, falling back within a language, then to English", () => {
    expect(negotiate("zh-TW,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(negotiate("fr-FR;q=1, en;q=0.5, zh-CN;q=0.7")).toBe("zh-CN");
    expect(negotiate("en-GB")).toBe("en");
    expect(negotiate("de, fr")).toBe("en");
    expect(negotiate("zh-CN;q=0")).toBe("en");
    expect(negotiate("")).toBe("en");
  });
});
