import {
  Chart,
  IsoDate,
  IsoTimestamp,
  JobProgress,
  JobStatus,
  ProjectionChart,
  RetirementFigures,
  Retirement as RetirementView,
} from '@alex/contract';
import { z } from 'zod';

/** An analysis job row. */
export const AnalysisJob = z.object({
  id: z.string(),
  clerk_user_id: z.string(),
  status: JobStatus,
  request_data: z.record(z.string(), z.unknown()).nullable(),
  result_data: z.record(z.string(), z.unknown()).nullable(),
  progress: JobProgress,
  error_message: z.string().nullable(),
  created_at: IsoTimestamp,
  started_at: IsoTimestamp.nullable(),
  completed_at: IsoTimestamp.nullable(),
  updated_at: IsoTimestamp,
});
export type AnalysisJob = z.infer<typeof AnalysisJob>;

/** A stored report (reporter words plus charter charts), one per job. */
export const Report = z.object({
  id: z.string(),
  clerk_user_id: z.string(),
  job_id: z.string().nullable(),
  report_date: IsoDate,
  report_summary: z.string().nullable(),
  report_detail: z.string().nullable(),
  asset_class_chart: Chart.nullable(),
  region_chart: Chart.nullable(),
  sector_chart: Chart.nullable(),
  charts: z.array(Chart),
  generated_by: z.string().nullable(),
  processing_time_ms: z.number().int().nullable(),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
});
export type Report = z.infer<typeof Report>;

/** What the reporter stores. */
export const ReportTextInput = z.object({
  report_summary: z.string().min(1).max(20_000),
  report_detail: z.string().min(1).max(200_000),
  generated_by: z.string().max(100),
  processing_time_ms: z.number().int().min(0).optional(),
});
export type ReportTextInput = z.input<typeof ReportTextInput>;

/** What the charter stores. */
export const ReportChartsInput = z.object({
  charts: z.array(Chart).min(1).max(10),
});
export type ReportChartsInput = z.input<typeof ReportChartsInput>;

/** A stored retirement projection, one per job: the shape the API sends (defined once, in the contract) plus its keys. */
export const Retirement = z.object({
  ...RetirementView.shape,
  id: z.string(),
  clerk_user_id: z.string(),
});
export type Retirement = z.infer<typeof Retirement>;

/** What the retirement agent stores. */
export const RetirementInput = z.object({
  estimated_income: z.number().finite().min(0),
  success_rate: z.number().min(0).max(100),
  figures: RetirementFigures,
  summary: z.string().min(1).max(20_000),
  detail: z.string().min(1).max(200_000),
  chart: ProjectionChart,
  assumptions: z.record(z.string(), z.unknown()),
  generated_by: z.string().max(100),
});
export type RetirementInput = z.input<typeof RetirementInput>;
