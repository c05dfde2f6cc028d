-- 0009: an import job's fixed values: a JSON array of "FIELD=VALUE"
-- strings, a value the whole file shares (status=won for a file of won
-- deals without a status column), kept so that "Import for real" after a
-- dry run repeats it.
ALTER TABLE import_jobs ADD COLUMN sets TEXT NOT NULL DEFAULT '[]';
