// browser-phone-manager: every page of the manager's menu fits a phone, in every
// language (see browser-phone.test.mjs and phone-walk.mjs; one file per role,
// since a file has 300 s in all)
import { test } from 'node:test';
import { existsSync } from 'node:fs';
import { useServer, testCleanStop } from './lib.mjs';
import { CHROMIUM, seed, phoneWalk } from './phone-walk.mjs';

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
const ctx = useServer({ seed });

test('on a phone no page of the menu scrolls sideways, for the manager in every language', { skip, timeout: 280_000 }, (t) => phoneWalk(ctx, 'manager', t));
testCleanStop(ctx);
