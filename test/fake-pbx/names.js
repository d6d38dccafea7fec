'use strict';
// Word lists for realistic fake data. O'Brien is deliberate: quotes in
// names must survive OData literals ('O''Brien') end to end.

const FIRST_NAMES = [
	'Anna', 'Ben', 'Clara', 'David', 'Elena', 'Felix', 'Greta', 'Hannah', 'Ivan', 'Julia',
	'Karl', 'Lena', 'Marco', 'Nina', 'Oscar', 'Paula', 'Quentin', 'Rosa', 'Stefan', 'Tina',
	'Uwe', 'Vera', 'Walter', 'Xenia', 'Yusuf', 'Zoe', 'Liam', 'Sofia', 'Noah', 'Mia',
];

const LAST_NAMES = [
	'Smith', 'Müller', 'Jones', "O'Brien", 'Schneider', 'Garcia', 'Fischer', 'Rossi', 'Weber', 'Novak',
	'Meyer', 'Dubois', 'Wagner', 'Kowalski', 'Becker', 'Silva', 'Hoffmann', 'Jensen', 'Schulz', 'Costa',
	'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger',
];

const COMPANIES = [
	'Acme Logistics', 'Blue Harbor GmbH', 'Cedar & Finch LLP', 'Delta Dental Care', 'Evergreen Foods',
	'Fjord Analytics', 'Granite Build AG', 'Helios Solar', 'Iris Travel', 'Juniper Legal',
];

const DEPARTMENTS = ['Sales', 'Support', 'Accounting', 'Purchasing', 'Management', 'Logistics'];

const JOB_TITLES = ['Account Manager', 'Buyer', 'CEO', 'Office Manager', 'Engineer', 'Consultant'];

const CHAT_LINES = [
	'Hi, I have a question about my last invoice.',
	'Sure, can you give me the invoice number?',
	'It is INV-2025-0042, the amount looks wrong.',
	'Thanks, I will check with accounting and call you back.',
	'Is the delivery still on schedule for Friday?',
	'Yes, the truck leaves the warehouse on Thursday evening.',
	'Could you send me the "updated" offer, please?',
	'Done – check your inbox.',
	'Can we move our meeting to 3 pm?',
	'No problem, see you then!',
];

const EVENT_MESSAGES = [
	{ EventId: 12000, Group: 'Trunks', Source: 'SIP', Type: 'Info', Message: 'Trunk {0} registered successfully' },
	{ EventId: 12001, Group: 'Trunks', Source: 'SIP', Type: 'Error', Message: 'Trunk {0} registration failed: 403 Forbidden' },
	{ EventId: 14002, Group: 'Extensions', Source: 'PhoneSystem', Type: 'Info', Message: 'Extension {0} registered from {1}' },
	{ EventId: 14003, Group: 'Extensions', Source: 'PhoneSystem', Type: 'Warning', Message: 'Extension {0} failed to authenticate from {1}' },
	{ EventId: 16000, Group: 'Security', Source: 'AntiHacking', Type: 'Warning', Message: 'IP {1} blacklisted after failed logins' },
	{ EventId: 17000, Group: 'Backup', Source: 'BackupService', Type: 'Info', Message: 'Scheduled backup {0} completed' },
	{ EventId: 18000, Group: 'System', Source: 'ServiceManager', Type: 'Error', Message: 'Service {0} stopped unexpectedly and was restarted' },
];

module.exports = { FIRST_NAMES, LAST_NAMES, COMPANIES, DEPARTMENTS, JOB_TITLES, CHAT_LINES, EVENT_MESSAGES };
