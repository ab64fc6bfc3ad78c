// Unknown page under /cong-dan: stays inside the public portal (never sends the person to the officials' login).
import { Link } from "react-router";
import { PORTAL } from "./PublicLayout.tsx";
import { usePT } from "./text.ts";

export default function PublicNotFound() {
  const { pt } = usePT();
  return (
    <>
      <h1>{pt("notFound")}</h1>
      <p>
        <Link to={PORTAL}>{pt("home")}</Link>
      </p>
    </>
  );
}
