/** Minutes a practitioner logged on one component in one calendar month: their practice volume. */
export interface PracticeMinutes {
  practitionerId: string;
  componentId: string;
  /** `YYYY-MM`. */
  month: string;
  minutes: number;
}
