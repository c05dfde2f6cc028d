-- 0006: the open deals of an account. The account list (/accounts, the API)
-- and the new-deal form count each account's open deals with a correlated
-- subquery; without this index every count read all the organisation's
-- deals (with 300,000 open deals /accounts took 46 s and /deals/new did not
-- finish in 6 minutes). With it each count is one short index range.
CREATE INDEX deals_account ON deals(org_id, account_id, status);
