// Requests inbox (incoming), outbox (outgoing) and pending boxes; `?open=<id>` opens a request's drawer (RequestDrawer),
// `?box=` picks the box. Creating a request runs the routing rules on the server and opens the new request.
import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Tabs, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useI18n } from "../../shared/i18n/index.tsx";
import { can, useMe } from "../../shared/session.tsx";
import { NewRequestModal } from "./NewRequestModal.tsx";
import { RequestDrawer } from "./RequestDrawer.tsx";
import { RequestList } from "./RequestList.tsx";

export default function RequestsPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const open = params.get("open");
  const boxParam = params.get("box");
  const tab = boxParam === "outbox" || boxParam === "pending" ? boxParam : "inbox";
  const setParam = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("requests.title")}
        </Typography.Title>
      }
      extra={
        can(me, "requests.write") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("requests.new")}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam("box", k)}
        items={[
          {
            key: "inbox",
            label: t("requests.inbox"),
            children: <RequestList box="inbox" onOpen={(id) => setParam("open", id)} />,
          },
          {
            key: "outbox",
            label: t("requests.outbox"),
            children: <RequestList box="outbox" onOpen={(id) => setParam("open", id)} />,
          },
          {
            key: "pending",
            label: t("requests.pending"),
            children: <RequestList box="pending" onOpen={(id) => setParam("open", id)} />,
          },
        ]}
      />
      {open && <RequestDrawer id={open} onClose={() => setParam("open", null)} />}
      {creating && (
        <NewRequestModal
          onClose={(r) => {
            setCreating(false);
            if (r) {
              qc.invalidateQueries({ queryKey: ["requests"] });
              if (r.routing && r.routing.rule !== null)
                message.success(t("requests.created", { clause: r.routing.clause }));
              const next = new URLSearchParams(params);
              next.set("box", "outbox");
              next.set("open", r.id);
              setParams(next);
            }
          }}
        />
      )}
    </Card>
  );
}
