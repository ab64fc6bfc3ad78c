// The bell in the header: unread count, the latest notifications, mark one / all read; a click opens the work.
import { BellOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Drawer, Empty, List, Popover, Space, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../../shared/api.ts";
import { fmtDate, fmtDateTime } from "../../shared/format.ts";
import { useI18n } from "../../shared/i18n/index.tsx";
import { useNotifications } from "./inbox.ts";

export function NotificationBell() {
  const { t } = useI18n();
  const q = useNotifications();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = q.data?.unread ?? 0;
  const refresh = () => qc.invalidateQueries({ queryKey: ["notifications"] });
  // A new notification (work received, an answer to what this user sent) also refreshes the work on screen: the
  // request lists, an open request and the home's work, which else show the old status until a reload.
  const newest = q.data ? (q.data.items[0]?.id ?? null) : undefined;
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (newest === undefined) return;
    if (seen.current !== undefined && seen.current !== newest)
      for (const key of ["requests", "request", "inbox"]) void qc.invalidateQueries({ queryKey: [key] });
    seen.current = newest;
  }, [newest, qc]);
  // On a phone a popover under the bell cannot fit beside it: the list opens as a full-width drawer instead.
  const narrow = window.innerWidth < 576;
  const content = (
    <div style={narrow ? undefined : { width: 380, maxHeight: 420, overflow: "auto" }}>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }}>
        <Typography.Text strong>{t("bell.title")}</Typography.Text>
        <Button
          size="small"
          disabled={!unread}
          onClick={async () => {
            await api("/api/notifications/read-all", { method: "POST", body: {} });
            await refresh();
          }}
        >
          {t("bell.readAll")}
        </Button>
      </Space>
      {q.data?.items.length ? (
        <List
          size="small"
          data-testid="bell-list"
          dataSource={q.data.items}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: "pointer", background: n.read_at ? undefined : "#fff7e6" }}
              onClick={async () => {
                if (!n.read_at) await api(`/api/notifications/${n.id}/read`, { method: "POST", body: {} });
                await refresh();
                setOpen(false);
                navigate(n.url);
              }}
            >
              <List.Item.Meta
                title={n.title}
                description={`${fmtDateTime(n.created_at)}${n.due ? ` · ${t("common.due")} ${fmtDate(n.due)}` : ""}`}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty description={t("bell.empty")} />
      )}
    </div>
  );
  const bell = (
    <Badge count={unread} size="small" offset={[-4, 4]}>
      <Button
        icon={<BellOutlined />}
        aria-label={t("bell.aria", { n: unread })}
        data-testid="bell"
        data-unread={unread}
        // Tests read the count only once it is loaded and no refresh is in flight (before that it shows 0 or the
        // previous count).
        data-ready={q.isSuccess && !q.isFetching ? "1" : undefined}
        onClick={narrow ? () => setOpen(true) : undefined}
      />
    </Badge>
  );
  if (narrow)
    return (
      <>
        {bell}
        <Drawer open={open} onClose={() => setOpen(false)} placement="right" width="100%">
          {content}
        </Drawer>
      </>
    );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" content={content} placement="bottomRight">
      {bell}
    </Popover>
  );
}
