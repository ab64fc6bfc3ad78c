// A date field that never swallows what was typed. antd's picker drops text it cannot read (31/02/2026, 12/0) and
// keeps the previous date without a word, so a form sent that date, or none. Here such text empties the field and
// says so under it: the form's own rules (required, not before today…) then speak, and nothing stale is sent.
import { DatePicker, type DatePickerProps } from "antd";
import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat";
import { useState } from "react";
import { useI18n } from "./i18n/index.tsx";

dayjs.extend(customParseFormat);

export function DateInput(props: DatePickerProps) {
  const { t } = useI18n();
  const [unreadable, setUnreadable] = useState<string>();
  const format = typeof props.format === "string" ? props.format : "DD/MM/YYYY";
  return (
    <>
      <DatePicker
        {...props}
        format={format}
        status={unreadable ? "error" : props.status}
        onChange={(date, text) => {
          setUnreadable(undefined);
          props.onChange?.(date, text);
        }}
        onBlur={(e, info) => {
          const text = (e.target as HTMLInputElement).value.trim();
          const readable = text === "" || dayjs(text, format, true).isValid();
          setUnreadable(readable ? undefined : text);
          if (!readable) props.onChange?.(null, "");
          props.onBlur?.(e, info);
        }}
      />
      {unreadable && (
        <div className="ant-form-item-explain-error" role="alert">
          {t("date.unreadable", { text: unreadable, format: "dd/mm/yyyy" })}
        </div>
      )}
    </>
  );
}
