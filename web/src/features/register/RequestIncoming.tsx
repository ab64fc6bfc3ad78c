// On the request screen: the incoming document that brought the request (its số đến and citation), or the one-click
// "Vào sổ văn bản đến" for an officer of an agency the request reached that has not registered it yet.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Typography } from "antd";
import { useState } from "react";
import type { Incoming } from "../../../../src/http/contracts/incoming.ts";
import { api, errorText, type Page } from "../../shared/api.ts";
import { fmtDate } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useMe } from "../../shared/session.tsx";
import type { RequestRow } from "../requests/types.ts";

/** On the request screen: the incoming document that brought the request, or the one-click "Vào sổ văn bản đến". */
export function RequestIncoming({ request }: { request: RequestRow }) {
  const { t } = useI18n();
  const me = useMe().data;
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ["incoming", "request", request.id],
    queryFn: () => api<Page<Incoming>>("/api/incoming", { query: { request_id: request.id } }),
  });
  const items = q.data?.items ?? [];
  const mayRegister =
    can(me, "register.allocate") &&
    !!me?.agency_id &&
    me.agency_id !== request.from_agency_id &&
    !items.some((e) => e.agency_id === me.agency_id);
  const registerNow = async () => {
    setBusy(true);
    try {
      const e = await api<Incoming>(`/api/requests/${request.id}/incoming`, { method: "POST", body: {} });
      message.success(t("incoming.registered", { number: e.number }));
      await qc.invalidateQueries({ queryKey: ["incoming"] });
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  if (q.isLoading) return null;
  return (
    <div data-testid="request-incoming">
      <Typography.Title level={5}>{t("incoming.ofRequest")}</Typography.Title>
      {items.map((e) => (
        <Typography.Paragraph key={e.id} style={{ marginBottom: 4 }}>
          {t("incoming.entry", { number: `${e.number}/${e.year}`, date: fmtDate(e.received_on), citation: e.citation })}
        </Typography.Paragraph>
      ))}
      {!items.length && !mayRegister && (
        <Typography.Text type="secondary">{t("incoming.notRegistered")}</Typography.Text>
      )}
      {mayRegister && (
        <Button loading={busy} onClick={registerNow}>
          {t("incoming.register")}
        </Button>
      )}
    </div>
  );
}
