-- 0014: the newest submitted forms of an organisation, found without
-- counting them all. A rep's profile shows the superstar profile, which is
-- kept between requests (web/profileload.c) and worked out again when a
-- form has been submitted since; asking that on every profile counted the
-- submitted forms (24,000 at bench scale, the bulk of the page's time).
CREATE INDEX assessments_submitted ON assessments(org_id, submitted_at);
