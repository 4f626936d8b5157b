import type { AssessmentPorts } from "../../services/assessment/assessment-deps.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { createPrismaAssessmentStore } from "../db/prisma-assessment-store.ts";
import { createWorkflowSettingsReader } from "../files/read-workflow-settings.ts";
import { createXlsxWorkbookWriter } from "../xlsx/write-workbook-xlsx.ts";

/**
 * The assessment's ports on Prisma, the workflow files and exceljs. A front end passes them as
 * `assessment` in the supervision core's deps to enable `/duban assess` and `/duban export`.
 */
export function createAssessmentPorts(prisma: PrismaClient, cwd: string = process.cwd()): AssessmentPorts {
  return {
    store: createPrismaAssessmentStore(prisma),
    settings: createWorkflowSettingsReader(cwd),
    workbookWriter: createXlsxWorkbookWriter(),
  };
}
