// Shell of the public portal (/cong-dan): no session, no call to an authenticated endpoint. Landmarks (banner,
// navigation, main, contentinfo), a skip link, the language switch, and focus moved to the page heading on navigation.
import { useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import "./portal.css";
import { usePT } from "./text.ts";

export const PORTAL = "/cong-dan";

export default function PublicLayout() {
  const { pt, lang, setLang } = usePT();
  const loc = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // On a page change (not on the first load) focus goes to the main region so keyboard and screen-reader users start
  // at the new page's content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [loc.pathname]);
  const links: Array<[string, Parameters<typeof pt>[0]]> = [
    [PORTAL, "home"],
    [`${PORTAL}/kiem-tra`, "check"],
    [`${PORTAL}/nop-ho-so`, "submit"],
    [`${PORTAL}/tra-cuu`, "status"],
    [`${PORTAL}/hoi-dap`, "faq"],
  ];
  return (
    <div className="pp">
      <a className="skip-link" href="#pp-main">
        {pt("skip")}
      </a>
      <header className="pp-header">
        <div className="pp-brand">
          <a className="pp-brand-name" href={PORTAL}>
            {pt("site")}
            <span className="pp-brand-sub">{pt("siteSub")}</span>
          </a>
          <button
            type="button"
            className="pp-lang"
            lang={lang === "vi" ? "en" : "vi"}
            aria-label={pt("langSwitchLabel")}
            onClick={() => setLang(lang === "vi" ? "en" : "vi")}
          >
            {pt("langSwitch")}
          </button>
        </div>
        <nav className="pp-nav" aria-label={pt("navLabel")}>
          <ul>
            {links.map(([to, key]) => (
              <li key={to}>
                <NavLink to={to} end>
                  {pt(key)}
                </NavLink>
              </li>
            ))}
            <li>
              <a href="/api/public/leaflet.pdf" download>
                {pt("leaflet")}
              </a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="pp-main" className="pp-main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="pp-footer">{pt("footer")}</footer>
    </div>
  );
}
