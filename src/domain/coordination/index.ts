export { type AgencyFacts, resolveRoleAgency } from "./resolve.ts";
