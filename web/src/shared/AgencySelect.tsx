// Agency picker limited to the caller's scope (or the whole directory), searchable without diacritics.
import { Select } from "antd";
import { useMemo } from "react";
import { fold, hasWords } from "./format.ts";
import { useAgencies, useMe } from "./session.tsx";

type Option = { value: string; label: string; search: string };

/** Current agencies (in the caller's scope unless `scoped` is false), sorted by name, with a folded search text. */
function useAgencyOptions(scoped: boolean): Option[] {
  const { byId } = useAgencies();
  const me = useMe().data;
  return useMemo(() => {
    const scope = me?.scope;
    const list = [...byId.values()].filter(
      (a) => !a.valid_to && (!scoped || scope === "all" || (scope ?? []).includes(a.id)),
    );
    return list
      .sort((a, b) => a.name.localeCompare(b.name, "vi"))
      .map((a) => ({ value: a.id, label: a.name, search: fold(`${a.name} ${a.short_name ?? ""} ${a.id}`) }));
  }, [byId, me, scoped]);
}

const filterOption = (input: string, opt?: unknown) => !!opt && hasWords((opt as Option).search, input);

/** Several agencies (e.g. co-organisers) from the whole directory, searchable without diacritics. */
export function AgencyMultiSelect({
  value,
  onChange,
  id,
  scoped = false,
  placeholder,
  style,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
  scoped?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const options = useAgencyOptions(scoped);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      options={options}
      showSearch={{ filterOption }}
      placeholder={placeholder}
      style={{ minWidth: 240, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}

export function AgencySelect({
  value,
  onChange,
  id,
  scoped = true,
  allowClear,
  placeholder,
  style,
  ariaLabel,
}: {
  ariaLabel?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  scoped?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const options = useAgencyOptions(scoped);
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ filterOption }}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ minWidth: 240, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
