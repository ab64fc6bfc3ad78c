import { Button, Result } from "antd";
import { useNavigate } from "react-router";
import { useI18n } from "../../shared/i18n/index.tsx";

export function NotFound({ title }: { title?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={title ?? t("notFound.title")}
      subTitle={t("notFound.text")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("notFound.home")}
        </Button>
      }
    />
  );
}

export default function NotFoundPage() {
  return <NotFound />;
}
