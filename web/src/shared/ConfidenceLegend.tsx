// Confidence of legal data, shown once per table or document: the rows whose value is not yet checked against the
// original text carry a small mark, and one legend line under the table says what the mark means.
import { Typography } from "antd";
import { useI18n } from "./i18n/index.tsx";

/** The mark beside a row whose value is not yet checked against the original text. */
export function UnverifiedMark() {
  const { t } = useI18n();
  return (
    <sup title={t("confidence.legendSome")} style={{ color: "#d46b08" }}>
      *<span className="sr-only">{t("confidence.unverified")}</span>
    </sup>
  );
}

/** One legend per table or document: "some" rows are marked, or "all" of it (then no row is marked). */
export function ConfidenceLegend({ scope, basis }: { scope: "some" | "all"; basis?: string }) {
  const { t } = useI18n();
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }} data-testid="confidence-legend">
      {scope === "some" ? (
        <>
          <span style={{ color: "#d46b08" }}>*</span> {t("confidence.legendSome")}
        </>
      ) : (
        t("confidence.legendAll", { basis: basis ?? "" })
      )}
    </Typography.Paragraph>
  );
}
