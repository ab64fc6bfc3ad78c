// Error boundary of the router: a failed lazy chunk or a render error, in the user's language.
import { Button, Result } from "antd";
import { useRouteError } from "react-router";
import { useI18n } from "../shared/i18n/index.tsx";

export function RouteError() {
  const { t } = useI18n();
  const err = useRouteError() as Error | undefined;
  return (
    <Result
      status="error"
      title={t("app.error")}
      subTitle={err?.message}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t("app.retry")}
        </Button>
      }
    />
  );
}
