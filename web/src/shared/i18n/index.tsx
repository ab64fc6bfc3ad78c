// i18n: two typed dictionaries (vi default, en), the choice remembered in localStorage, `t(key, vars)` and
// `tl(group, value)` for enumerations (falls back to the raw value when a code is unknown).
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { en } from "./en.ts";
import { type MessageKey, vi } from "./vi.ts";

export type Lang = "vi" | "en";
export type { MessageKey };

const DICTS: Record<Lang, Record<MessageKey, string>> = { vi, en };
const STORAGE_KEY = "btnn.lang";

type Vars = Record<string, string | number>;
export type T = (key: MessageKey, vars?: Vars) => string;
export type I18n = {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: T;
  /** Label of an enumeration value: tl("field", "civil_enforcement"). */
  tl: (group: string, value: string | null | undefined, vars?: Vars) => string;
};

function fill(s: string, vars?: Vars): string {
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

export function makeT(lang: Lang): T {
  const d = DICTS[lang];
  return (key, vars) => fill(d[key] ?? vi[key] ?? key, vars);
}

function initialLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === "en" || v === "vi") return v;
  } catch {
    // storage unavailable: default language
  }
  return "vi";
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // ignore
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const t = makeT(lang);
    const d = DICTS[lang] as Record<string, string>;
    const tl: I18n["tl"] = (group, value, vars) => {
      if (value === null || value === undefined || value === "") return "";
      const s = d[`${group}.${value}`];
      return s ? fill(s, vars) : value;
    };
    return { lang, setLang, t, tl };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error("I18nProvider missing");
  return v;
}
