// The whole-page spinner: while the first route chunks download and while the session is read.
import { Spin } from "antd";
import { useI18n } from "../shared/i18n/index.tsx";

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div style={{ display: "grid", placeItems: "center", height: "100vh" }}>
      <Spin size="large" tip={t("app.loading")}>
        <div style={{ width: 200, height: 80 }} />
      </Spin>
    </div>
  );
}
