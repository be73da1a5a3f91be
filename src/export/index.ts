/** Exporting a model account as the files AWS's own tools write. */
export { exportAws, credentialReportCsv, type ExportOptions, type ExportedFile } from './export-aws.js';
