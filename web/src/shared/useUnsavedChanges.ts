// Unsaved changes are never lost silently: while a form is changed and not saved, reloading or closing the tab asks
// the browser's own question (beforeunload), and leaving by Back, a link or a menu click asks ours first.
import { App } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useBlocker } from "react-router";
import { useI18n } from "./i18n/index.tsx";

/** Returns `changed()` (call on any edit, e.g. Form onValuesChange), `saved()` (call before navigating away after
 * a successful save) and `confirmLeave(proceed)` for leaving without navigating (closing a drawer): asks first when
 * something is unsaved. */
export function useUnsavedChanges(): {
  changed: () => void;
  saved: () => void;
  confirmLeave: (proceed: () => void) => void;
} {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [dirty, setDirty] = useState(false);
  // read by the blocker at navigation time: a save followed at once by navigate() must not be asked about
  const dirtyRef = useRef(false);
  const changed = useCallback(() => {
    dirtyRef.current = true;
    setDirty(true);
  }, []);
  const saved = useCallback(() => {
    dirtyRef.current = false;
    setDirty(false);
  }, []);

  const ask = useCallback(
    (proceed: () => void, stay: () => void) =>
      modal.confirm({
        title: t("unsaved.title"),
        content: t("unsaved.body"),
        okText: t("unsaved.leave"),
        cancelText: t("unsaved.stay"),
        okButtonProps: { danger: true },
        onOk: () => {
          dirtyRef.current = false;
          setDirty(false);
          proceed();
        },
        onCancel: stay,
      }),
    [modal, t],
  );
  const confirmLeave = useCallback(
    (proceed: () => void) => (dirtyRef.current ? ask(proceed, () => {}) : proceed()),
    [ask],
  );

  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [dirty]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    ask(
      () => blocker.proceed(),
      () => blocker.reset(),
    );
  }, [blocker, ask]);

  return { changed, saved, confirmLeave };
}
