// The claim as the web receives it: the domain's one declaration, timestamps as the JSON strings they arrive as.
import type {
  ClaimCorrectionDto,
  ClaimDeadlineDto,
  ClaimDetailDto,
  ClaimDto,
  ClaimEventDto,
} from "../../../../src/domain/claims/dto.ts";

export type Claim = ClaimDto<string>;
export type ClaimDeadline = ClaimDeadlineDto<string>;
export type ClaimEvent = ClaimEventDto<string>;
export type ClaimCorrection = ClaimCorrectionDto<string>;
export type ClaimDetail = ClaimDetailDto<string>;

/** What a correction changed of a step (`before` is the original, shown struck through). */
export type StepSnapshot = {
  type: string;
  date: string;
  ground: string | null;
  note: string | null;
  data?: unknown;
};
