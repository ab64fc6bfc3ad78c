// "Xuất Excel" (and other file downloads): fetches the file with the session cookie, keeps the Vietnamese file name
// from Content-Disposition (filename*=UTF-8''…), shows a spinner on the button while the server builds the file and
// the API's Vietnamese error message when it refuses (e.g. a list too large to export at once).
import { FileExcelOutlined } from "@ant-design/icons";
import { App, Button, type ButtonProps } from "antd";
import { type ReactNode, useState } from "react";
import { withQuery } from "./api.ts";
import { useI18n } from "./i18n/index.tsx";
import { saveResponse } from "./save-file.ts";

type Query = Record<string, string | number | boolean | null | undefined>;

/** Downloads `path?query` as a file; throws Error with the API's message on failure. */
export async function downloadFile(path: string, query?: Query, fallbackName = "tep-tin"): Promise<string> {
  return saveResponse(await fetch(withQuery(path, query), { credentials: "same-origin" }), fallbackName);
}

/** A button that downloads `path` with `query`; loading while the file is built. */
export function ExportButton({
  path,
  query,
  label,
  icon,
  ...rest
}: { path: string; query?: Query; label?: ReactNode; icon?: ReactNode } & Omit<ButtonProps, "onClick" | "loading">) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      {...rest}
      icon={icon ?? <FileExcelOutlined />}
      loading={busy}
      aria-busy={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const name = await downloadFile(path, query, "danh-sach.xlsx");
          message.success(t("export.done", { name }));
        } catch (e) {
          message.error((e as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? t("export.running") : (label ?? t("export.xlsx"))}
    </Button>
  );
}
