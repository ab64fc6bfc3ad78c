// Agency picker limited to the caller's scope (or the whole directory), searchable without diacritics.
import { Select } from "antd";
import { useMemo } from "react";
import { fold } from "./format.ts";
import { useAgencies, useMe } from "./session.tsx";

export function AgencySelect({
  value,
  onChange,
  id,
  scoped = true,
  allowClear,
  placeholder,
  style,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  scoped?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const { byId } = useAgencies();
  const me = useMe().data;
  const options = useMemo(() => {
    const scope = me?.scope;
    const list = [...byId.values()].filter(
      (a) => !a.valid_to && (!scoped || scope === "all" || (scope ?? []).includes(a.id)),
    );
    return list
      .sort((a, b) => a.name.localeCompare(b.name, "vi"))
      .map((a) => ({ value: a.id, label: a.name, search: fold(`${a.name} ${a.short_name ?? ""} ${a.id}`) }));
  }, [byId, me, scoped]);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ filterOption: (input, opt) => !!opt && (opt as { search: string }).search.includes(fold(input)) }}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ minWidth: 240, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
