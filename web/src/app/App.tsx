// Providers (react-query, i18n, antd locale) and the router with lazy (code-split) routes.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import type { ReactNode } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { ApiError, api, hasSessionCookie, setUnauthorizedHandler } from "../shared/api.ts";
import { I18nProvider, useI18n } from "../shared/i18n/index.tsx";
import { ME_QUERY } from "../shared/session.tsx";
import { useReducedMotion } from "../shared/useReducedMotion.ts";
import { PageLoading } from "./PageLoading.tsx";
import { RouteError } from "./RouteError.tsx";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
      refetchOnWindowFocus: false,
    },
  },
});
setUnauthorizedHandler(() => queryClient.setQueryData(["me"], null));
// Start the first API calls while the route chunks download (the session, and the dashboard data on "/"). The public
// portal (/cong-dan) has no session: it never asks for one.
if (!window.location.pathname.startsWith("/cong-dan")) void queryClient.prefetchQuery(ME_QUERY);
if (window.location.pathname === "/" && hasSessionCookie())
  void queryClient.prefetchQuery({
    queryKey: ["dashboard"],
    queryFn: () => api("/api/dashboard", { quiet401: true }),
  });

type Mod = { default: React.ComponentType };
const page = (load: () => Promise<Mod>) => async () => ({ Component: (await load()).default });

const router = createBrowserRouter([
  {
    // Public portal for injured persons: no login, no authenticated endpoint.
    path: "/cong-dan",
    lazy: page(() => import("../features/public/PublicLayout.tsx")),
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      { index: true, lazy: page(() => import("../features/public/PublicHomePage.tsx")) },
      { path: "hoi-dap", lazy: page(() => import("../features/public/PublicFaqPage.tsx")) },
      { path: "kiem-tra", lazy: page(() => import("../features/public/CheckPage.tsx")) },
      { path: "nop-ho-so", lazy: page(() => import("../features/public/SubmitPage.tsx")) },
      { path: "tra-cuu", lazy: page(() => import("../features/public/StatusPage.tsx")) },
      { path: "*", lazy: page(() => import("../features/public/PublicNotFound.tsx")) },
    ],
  },
  {
    path: "/login",
    lazy: page(() => import("../features/auth/LoginPage.tsx")),
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
  },
  {
    path: "/reset-password",
    lazy: page(() => import("../features/auth/PasswordResetPage.tsx")),
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
  },
  {
    path: "/",
    lazy: page(() => import("./Layout.tsx")),
    errorElement: <RouteError />,
    // shown while the first route chunks download (without it React Router warns on every full load)
    hydrateFallbackElement: <PageLoading />,
    children: [
      { index: true, lazy: page(() => import("../features/home/HomePage.tsx")) },
      { path: "claims", lazy: page(() => import("../features/claims/ClaimListPage.tsx")) },
      { path: "claims/new", lazy: page(() => import("../features/claims/ClaimFormPage.tsx")) },
      { path: "claims/:id", lazy: page(() => import("../features/claims/ClaimDetailPage.tsx")) },
      { path: "claims/:id/edit", lazy: page(() => import("../features/claims/ClaimFormPage.tsx")) },
      {
        path: "public-submissions",
        lazy: page(() => import("../features/public-submissions/SubmissionListPage.tsx")),
      },
      {
        path: "public-submissions/:id",
        lazy: page(() => import("../features/public-submissions/SubmissionDetailPage.tsx")),
      },
      { path: "plans", lazy: page(() => import("../features/plans/PlanBoardPage.tsx")) },
      { path: "plans/import", lazy: page(() => import("../features/plans/PlanImportPage.tsx")) },
      { path: "requests", lazy: page(() => import("../features/requests/RequestsPage.tsx")) },
      { path: "statistics", lazy: page(() => import("../features/statistics/StatisticsPage.tsx")) },
      { path: "reports", lazy: page(() => import("../features/reports/ReportsPage.tsx")) },
      { path: "reports/:id", lazy: page(() => import("../features/reports/RoundPage.tsx")) },
      { path: "evaluation", lazy: page(() => import("../features/evaluation/EvaluationPage.tsx")) },
      { path: "inspections", lazy: page(() => import("../features/inspections/InspectionsPage.tsx")) },
      { path: "trainings", lazy: page(() => import("../features/trainings/TrainingsPage.tsx")) },
      { path: "calendar", lazy: page(() => import("../features/calendar/CalendarPage.tsx")) },
      { path: "incoming", lazy: page(() => import("../features/register/IncomingPage.tsx")) },
      { path: "register", lazy: page(() => import("../features/register/OutgoingPage.tsx")) },
      { path: "case-lists", lazy: page(() => import("../features/case-lists/CaseListsPage.tsx")) },
      { path: "case-lists/:id", lazy: page(() => import("../features/case-lists/CaseListDetailPage.tsx")) },
      { path: "meetings", lazy: page(() => import("../features/meetings/MeetingsPage.tsx")) },
      { path: "admin/agencies", lazy: page(() => import("../features/admin/AgenciesPage.tsx")) },
      { path: "admin/users", lazy: page(() => import("../features/admin/UsersPage.tsx")) },
      { path: "admin/holidays", lazy: page(() => import("../features/admin/HolidaysPage.tsx")) },
      { path: "admin/parameters", lazy: page(() => import("../features/admin/ParametersPage.tsx")) },
      { path: "admin/audit", lazy: page(() => import("../features/admin/AuditPage.tsx")) },
      { path: "admin/public-content", lazy: page(() => import("../features/admin/PublicContentPage.tsx")) },
      { path: "profile", lazy: page(() => import("../features/auth/ProfilePage.tsx")) },
      { path: "*", lazy: page(() => import("../features/errors/NotFoundPage.tsx")) },
    ],
  },
]);

function Localized({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const reducedMotion = useReducedMotion();
  dayjs.locale(lang === "vi" ? "vi" : "en");
  return (
    <ConfigProvider
      locale={lang === "vi" ? viVN : enUS}
      componentSize="middle"
      wave={{ disabled: reducedMotion }}
      theme={{
        token: {
          colorPrimary: "#b71c1c",
          borderRadius: 4,
          fontFamily: "'Noto Sans', system-ui, sans-serif",
          motion: !reducedMotion,
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localized>
          <RouterProvider router={router} />
        </Localized>
      </I18nProvider>
    </QueryClientProvider>
  );
}
