// The signed-in shell: side menu (a labelled drawer behind a menu button below the `lg` breakpoint, instead of an
// unlabelled icon rail), header with the acting agency, language switch and the user menu. Redirects to /login without a session and to /profile when the password must be changed.
import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  InboxOutlined,
  LogoutOutlined,
  MenuOutlined,
  ProjectOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SnippetsOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Layout as AntLayout,
  Badge,
  Button,
  Drawer,
  Dropdown,
  Grid,
  Menu,
  Select,
  Space,
  Spin,
  Typography,
} from "antd";
import { Suspense, useState } from "react";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { useInbox } from "../features/home/inbox.ts";
import { NotificationBell } from "../features/home/NotificationBell.tsx";
import { api } from "../shared/api.ts";
import { type Lang, useI18n } from "../shared/i18n/index.tsx";
import { can, useAgencyName, useMe } from "../shared/session.tsx";
import { PageLoading } from "./PageLoading.tsx";

const { Header, Sider, Content } = AntLayout;

export default function Layout() {
  const { t, lang, setLang } = useI18n();
  const me = useMe();
  const loc = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const agencyName = useAgencyName();
  const inbox = useInbox(false);
  const mine = useInbox(true);
  const wide = Grid.useBreakpoint().lg !== false;
  const [drawer, setDrawer] = useState(false);

  if (me.isLoading) return <PageLoading />;
  if (!me.data) return <Navigate to={`/login?from=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  const user = me.data;
  if (user.user.must_change_password && loc.pathname !== "/profile") return <Navigate to="/profile" replace />;

  const items = [
    {
      key: "/",
      icon: <DashboardOutlined />,
      label: (
        <Space size={6}>
          {t("nav.home")}
          {/* Badges: overdue (red) and assigned to me (blue). */}
          <Badge count={inbox.data?.counts.overdue ?? 0} size="small" data-testid="menu-overdue" />
          <Badge count={mine.data?.items.length ?? 0} size="small" color="blue" data-testid="menu-mine" />
        </Space>
      ),
    },
    { key: "/claims", icon: <FileSearchOutlined />, label: t("nav.claims") },
    // Online submissions of the public portal: for the roles that handle claims (issue 15).
    ...(can(user, "claims.write")
      ? [{ key: "/public-submissions", icon: <InboxOutlined />, label: t("nav.publicSubmissions") }]
      : []),
    {
      key: "plans",
      icon: <ProjectOutlined />,
      label: t("nav.plans"),
      children: [
        { key: "/plans", label: t("nav.planBoard") },
        ...(can(user, "plans.write") ? [{ key: "/plans/import", label: t("nav.planImport") }] : []),
      ],
    },
    { key: "/requests", icon: <SwapOutlined />, label: t("nav.requests") },
    { key: "/statistics", icon: <BarChartOutlined />, label: t("nav.statistics") },
    { key: "/reports", icon: <SnippetsOutlined />, label: t("nav.reports") },
    { key: "/evaluation", icon: <TrophyOutlined />, label: t("nav.evaluation") },
    { key: "/inspections", icon: <SafetyCertificateOutlined />, label: t("nav.inspections") },
    { key: "/trainings", icon: <ReadOutlined />, label: t("nav.trainings") },
    { key: "/calendar", icon: <CalendarOutlined />, label: t("nav.calendar") },
    ...(can(user, "plans.read")
      ? [{ key: "/case-lists", icon: <UnorderedListOutlined />, label: t("nav.caseLists") }]
      : []),
    ...(can(user, "plans.read") ? [{ key: "/meetings", icon: <TeamOutlined />, label: t("nav.meetings") }] : []),
    { key: "/incoming", icon: <InboxOutlined />, label: t("nav.incoming") },
    { key: "/register", icon: <FileTextOutlined />, label: t("nav.register") },
    {
      key: "admin",
      icon: <SettingOutlined />,
      label: t("nav.admin"),
      children: [
        { key: "/admin/agencies", icon: <BankOutlined />, label: t("nav.agencies") },
        ...(can(user, "users.manage") ? [{ key: "/admin/users", label: t("nav.users") }] : []),
        { key: "/admin/holidays", label: t("nav.holidays") },
        { key: "/admin/parameters", label: t("nav.parameters") },
        ...(can(user, "audit.read") ? [{ key: "/admin/audit", icon: <AuditOutlined />, label: t("nav.audit") }] : []),
        ...(can(user, "public_content.manage") && user.scope === "all"
          ? [{ key: "/admin/public-content", label: t("nav.publicContent") }]
          : []),
      ],
    },
  ];
  const selected =
    [
      "/claims",
      "/public-submissions",
      "/plans/import",
      "/plans",
      "/requests",
      "/statistics",
      "/reports",
      "/evaluation",
      "/inspections",
      "/trainings",
      "/calendar",
      "/incoming",
      "/register",
      "/case-lists",
      "/meetings",
      "/admin/",
      "/profile",
    ]
      .map((p) => (loc.pathname.startsWith(p) ? (p === "/admin/" ? loc.pathname : p) : null))
      .find(Boolean) ?? "/";

  const logout = async () => {
    try {
      await api("/api/auth/logout", { method: "POST" });
    } finally {
      qc.clear();
      qc.setQueryData(["me"], null);
      navigate("/login");
    }
  };

  const brand = (
    <div style={{ padding: "14px 16px", fontWeight: 700, color: "#b71c1c", fontSize: 18, whiteSpace: "nowrap" }}>
      ★ {t("app.name")}
    </div>
  );
  const menu = (
    <nav aria-label={t("nav.menu")}>
      <Menu
        mode="inline"
        selectedKeys={[selected]}
        defaultOpenKeys={["plans", "admin"]}
        items={items}
        onClick={(e) => {
          setDrawer(false);
          navigate(e.key);
        }}
      />
    </nav>
  );

  return (
    <AntLayout style={{ minHeight: "100vh" }}>
      <a href="#main" className="skip-link">
        {t("app.skip")}
      </a>
      {wide ? (
        <Sider width={232} theme="light" style={{ borderRight: "1px solid #eee" }}>
          {brand}
          {menu}
        </Sider>
      ) : (
        <Drawer
          placement="left"
          open={drawer}
          onClose={() => setDrawer(false)}
          size={280}
          title={t("app.name")}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
      <AntLayout>
        <Header
          style={{
            background: "#fff",
            padding: wide ? "0 16px" : "0 8px",
            display: "flex",
            alignItems: "center",
            justifyContent: "space-between",
            borderBottom: "1px solid #eee",
            gap: wide ? 12 : 4,
          }}
        >
          {!wide && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t("nav.menu")}
              aria-expanded={drawer}
              onClick={() => setDrawer(true)}
              data-testid="menu-button"
            />
          )}
          <Typography.Text
            strong
            ellipsis
            style={{ flex: 1, minWidth: 0, maxWidth: wide ? "50%" : undefined }}
            data-testid="acting-agency"
          >
            {/* The name once the agency list has loaded — never the raw id in the meantime. */}
            {agencyName(user.agency_id) === user.agency_id ? null : agencyName(user.agency_id)}
          </Typography.Text>
          <Space size={wide ? 8 : 2}>
            <NotificationBell />
            <label htmlFor="lang-select" className="sr-only">
              {t("app.language")}
            </label>
            <Select<Lang>
              id="lang-select"
              aria-label={t("app.language")}
              value={lang}
              onChange={setLang}
              style={{ width: wide ? 120 : 64 }}
              options={[
                { value: "vi", label: wide ? "Tiếng Việt" : "VI" },
                { value: "en", label: wide ? "English" : "EN" },
              ]}
            />
            <Dropdown
              menu={{
                items: [
                  {
                    key: "profile",
                    icon: <UserOutlined />,
                    label: t("nav.profile"),
                    onClick: () => navigate("/profile"),
                  },
                  { key: "logout", icon: <LogoutOutlined />, label: t("nav.logout"), onClick: logout },
                ],
              }}
            >
              <Button icon={<UserOutlined />} aria-label={user.user.full_name} title={user.user.full_name}>
                {wide ? user.user.full_name : null}
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content id="main" style={{ margin: wide ? 16 : 8, minWidth: 0 }} tabIndex={-1}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Content>
      </AntLayout>
    </AntLayout>
  );
}
