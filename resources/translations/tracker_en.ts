<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Everything, also accounts, settings, restore and the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beneficiaries, grants and visits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-overs and receipts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads and makes reports; changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the person may do depends on the role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the new user their password in person. They can change it themselves after signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower-case letters without accents, digits, dot or hyphen, e.g. hoa.vt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account manages the others. The data will be kept encrypted in: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 8 characters. It also unlocks the encrypted data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Photo or scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more page(s) not shown.</source>
        <translation>
            <numerusform>%n more page not shown.</numerusform>
            <numerusform>%n more pages not shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove this file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG, PNG or PDF. Drop files here or use “Add file…”. Photos are kept encrypted with the records, without their GPS position or camera details, and never leave the office in an export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos or scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the file…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit trail</source>
        <extracomment>A page of events came back (number of events now listed). The chain check finished (``ChainReport``). An export&apos;s chain head was compared with the trail; carries None (it is in the trail) or what is wrong (&quot;not in chain&quot;, &quot;other database&quot;, &quot;no head&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events from this day on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only events up to this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks that no event was changed or removed outside the app since it was written, and that every record still holds the values its newest event says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with an export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks that the end of the trail printed on an export (its manifest.json) is still in the trail: nothing written before that export was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values before and after the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n events shown; scroll down for older ones</source>
        <translation>
            <numerusform>%n event shown; scroll down for older ones</numerusform>
            <numerusform>%n events shown; scroll down for older ones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>Event #{id}, {time}, by {user}: {action} {entity} {entity_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No values recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event before it was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its link to the event before does not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its content was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the newest events were removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events were removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain was computed again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of the chain is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the copy of the chain&apos;s end in the key file was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the point where the keyed chain starts was moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key of the audit trail is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is whole: %n events checked, none altered.</source>
        <translation>
            <numerusform>The audit trail is whole: %n event checked, none altered.</numerusform>
            <numerusform>The audit trail is whole: %n events checked, none altered.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail was altered outside the app at event {id}: {reason}. The {checked} events before it are whole. Keep this computer as it is and tell the person responsible for the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed outside the app, without an event: {what} {ids}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{checked} records compared with their newest event; {unchecked} made inside another action (visits booked by a hand-over, receipts, animals) are compared from their first change on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the trail: event #{id}, {hash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the manifest.json of an export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export manifest (manifest.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing with the export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the trail printed on this export is still in the trail: nothing written before the export was removed or rewritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the trail printed on this export is NOT in the trail any more: events written before the export were removed or the trail was rewritten. Keep this computer as it is and tell the person responsible for the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export was made from another database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export has no end of the trail printed on it (made by an earlier version): there is nothing to compare.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <extracomment>The kinds of records the services write events about (the filter&apos;s choices). The view scrolled to the end and more events may exist.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looked at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed own password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reset a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed the role of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded the outcome of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded no one met on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded the consent of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>went ahead without the consent to services of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replacement issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reprinted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started an export of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export did not finish:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gave a new key to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found the trail altered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counted the kept totals again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beneficiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hand-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass-on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>support type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trip sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo or scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed the original of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print did not come out:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BeneficiariesPage</name>
    <message>
        <source>Beneficiaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, alias or code, with or without diacritics (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names are hidden in lists so that nobody reads them over your shoulder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New beneficiary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All communes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than {count} people found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n people found</source>
        <translation>
            <numerusform>%n person found</numerusform>
            <numerusform>%n people found</numerusform>
        </translation>
    </message>
    <message>
        <source>showing the first {shown}; scroll for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {code}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BeneficiaryDialog</name>
    <message>
        <source>Register a beneficiary</source>
        <extracomment>The birth year box&apos;s &quot;no year&quot; value (shown as &quot;—&quot;). Any year can be typed: one the service refuses (2030, 1850) is kept and the message says why. Where the arrows start from &quot;—&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit beneficiary {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact date known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>9 or 12 digits, if the person has one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in lists instead of the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visits still scheduled for this person will be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or press Cancel and open the registered record instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: yours «{mine}», saved «{theirs}»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed on another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other version holds the same values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the saved version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep my changes on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same name in this commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name one letter apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle name missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person may already be registered. Compare what you typed with the people below (same or close name in the same commune, or same ID number). If it is someone else, save anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BeneficiaryPicker</name>
    <message>
        <source>Type part of the name or the code</source>
        <extracomment>The chosen person changed (``BeneficiaryRow`` or ``None``). A search came back (how many people it found).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BeneficiaryTableModel</name>
    <message>
        <source>Code</source>
        <extracomment>``fetch(offset, limit)`` -&gt; one page of rows; a keyed model&apos;s pager also takes the last row shown (``fetch(offset, limit, after)``, None for the first page). The service&apos;s ``order`` value when the column can be sorted. A page could not be loaded (the exception); the rows already shown stay. A fresh first page was loaded (number of rows now shown). The pager reads the page after the last row shown (by key, never by skipping rows: scrolling the whole list then costs the same for every page). How many rows the list has in all (when the subclass counts them). The service&apos;s sort order (a column&apos;s ``sort`` key; None: the list&apos;s own order) and its direction, and the words typed to find rows.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names are hidden. Tick “Show names” to see them.</source>
        <extracomment>The count stops past this many (the list then says &quot;more than&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BudgetBar</name>
    <message>
        <source>{percent} % used</source>
        <extracomment>First calves still to be passed on (the overdue first). The projects with their budgets (each one row: the totals are kept by the database).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent {spent} of {budget} · left {left} · planned {planned}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, type your current password, then the new one twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tries left before the account is locked.</source>
        <translation>
            <numerusform>%n try left before the account is locked.</numerusform>
            <numerusform>%n tries left before the account is locked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused or withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose whether consent was given or refused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoBuildDialog</name>
    <message>
        <source>Grant Tracker – demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first start builds the demo database: a fictional commune office with about sixty invented people, their support, receipts and visits. It takes about half a minute; the sign-in follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People, their support and receipts: {done} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up visits…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisableAccountDialog</name>
    <message>
        <source>Disable an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable the account of {who}? They can no longer sign in, and their key to the encrypted data is removed at once. The data then gets a new key, so their old password opens nothing on this computer, backups included. What they recorded stays. An administrator can enable the account again with a new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your own account: you will not be able to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the report</source>
        <extracomment>The export was written and checked (``ExportResult``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the office (all figures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the donor (counts from 1 to 4 shown as «&lt;5»)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the province (counts from 1 to 4 shown as «&lt;5»)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{period}, for {audience}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for USB sticks again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (XLSX), a sheet per table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files, one per table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; (Excel in Vietnamese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, (comma)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No names, ID numbers, phones or villages: codes and totals only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the list with names, encrypted with a passphrase (AES-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase, at least {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names (administrators only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the passphrase to the person who receives the stick by another way (not on the stick).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in and look again, or choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB: {name} – {free} MB free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder to write to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding up the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the encrypted list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the Excel workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the CSV files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking what was written…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {count} files written to {folder} and checked (SHA-256 in manifest.json). You can remove the stick now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel on a Windows set to Vietnamese splits columns on semicolons; the files start with a byte-order mark so that the diacritics open right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up Grant Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome. Enter your office&apos;s details and the first administrator&apos;s account. The data will be kept encrypted in: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Women&apos;s Union of Mèo Vạc commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provincial office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters that start every receipt number, e.g. MV gives MV-2025-00001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head of office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 8 characters. It also unlocks the encrypted data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <extracomment>The kinds of data a save changes. The service call succeeded; carries what it returned. The dialog then closes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on anyway (recorded in the audit trail)</source>
        <extracomment>Shown when the person said no to services: ticked, the save goes on anyway (the service records it in the audit trail). Dialogs that can meet it lay it out.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you typed here has not been saved. Close and lose it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantDetails</name>
    <message>
        <source>Breed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of animals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value per head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ear tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yarn (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>Plan a grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer in charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the support type first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget left: {left} of {budget}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of animals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value per head (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ear tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag of the animal, if known now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount per month (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of one {unit} (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned total: {amount} ({words})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, month {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantTableModel</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantTypeDialog</name>
    <message>
        <source>Edit the support type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; (code {code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1, 3, 6, 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can be chosen for new grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pass-on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (Vietnamese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up visits (months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months after each hand-over at which a visit is scheduled, increasing, from 1 to 120. Leave empty for no visits. Visits already scheduled stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason on papers (Vietnamese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed on receipts; it must not reveal why the person is helped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason on papers (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First calf passed on within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months from the calf&apos;s birth; later, it is overdue on Today.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantTypesBox</name>
    <message>
        <source>Support types and follow-up visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each hand-over schedules a visit at each of these months. Changes apply to hand-overs recorded from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator can change the support types.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (not offered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no visits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantsPage</name>
    <message>
        <source>Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan a grant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a hand-over…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, alias, code or project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a grant to see its tranches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seq}. {description}: {what} · handed over {delivered}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverCorrectionDialog</name>
    <message>
        <source>Correct the hand-over of receipt {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over of {date}, receipt {number}: {amount} recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: 8.000.000 was handed over, not 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record it as an adjustment dated today (the quarter is closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hand-over and its quarter&apos;s report stay as they were; the difference is recorded today, points at this hand-over and shows in this quarter&apos;s report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Record a hand-over</source>
        <extracomment>The open grants of the person chosen came back from the worker (how many).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} · {type} · left {left}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per animal, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow it as an asset (for example a loom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit value (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ear tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for going above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept with the hand-over and shown in reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person has no grant left to hand over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned {planned}, handed over {delivered}, left {left}.
Project {project}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tranche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fully handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left {left}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seq}. {description} ({state})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: {amount} ({words})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also handed over now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked lines are handed over in full with this one, on one receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{qty} {unit} × {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{description} · {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{description} ({type}) · {what}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverTableModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(void)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Above the plan or budget: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Grant Tracker – user guide</source>
        <extracomment>The guide&apos;s page that explains each page of the window (its key).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When something goes wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from Excel</source>
        <extracomment>What an import adds to. The import was committed (``ImportReport``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An .xlsx file made from the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also book the follow-up visits whose day has already passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: a hand-over older than today gets only the visits still ahead (the visits already made go on the Visits sheet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is saved until «Import»: the check lists every problem first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem and fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: {added} records added; nothing was added twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sheet}: {rows} rows, {added} to add, {existing} already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} problems: fix them in the file and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up visits to book: {n} (past ones left out: {past}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same as {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A different person: add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip this row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates ({n})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyChangeProgress</name>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making a new key for the data, sealed for every other account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypting the data with the new key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the key files of the backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These accounts had not signed in since this version was installed and need a new password from an administrator: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery key was made by an earlier version and no longer opens the data. Make a new recovery key now (Users page).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LegalBasisBox</name>
    <message>
        <source>Payment vouchers: form code and legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each voucher prints the line in force on its own date: the latest line whose start date is on or before it. Change it when a new circular replaces the one in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator can change the legal basis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis (under the form code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis of payment vouchers saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Grant planned for {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant Tracker – locked</source>
        <extracomment>Every page, in the order of the navigation (Users and Audit trail: administrators only). The size of the window on the first start when the screen has room for it. The window&apos;s frame built while the password is typed (:func:`prepare`), until :func:`open_window` binds it to the user who signed in. The language of the window was switched (``&quot;vi&quot;`` or ``&quot;en&quot;``). The window was locked (``True``) or unlocked (``False``). A backup was restored; carries where the replaced database file was kept. The signed-in user&apos;s context (set by :meth:`bind`). After a restore: the database is closed and the app asks to sign in again. The context of the pages built while the password was typed (:func:`prepare`), which takes the session at :meth:`bind`. The keys of the pages shown, in the order of the navigation (every page until :meth:`bind` leaves out those of other roles and offices). The pages built so far: a page is built when it is first shown (or asked for), so that the window opens with Today alone.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant Tracker – livelihood support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New beneficiary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find a beneficiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan a grant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a &amp;hand-over…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a &amp;visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;names in lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Grant Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User guide for this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No office set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the visit in the list, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Grant Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant Tracker {version}

Records livelihood support given to people protected by the project, the hand-overs and their follow-up visits. Works offline; the data stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrative units: {version}. Licences and sources: the NOTICE file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over recorded, receipt {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up visits: {dates}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit recorded for {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail was altered outside the app since it was last used (for example, its newest events were removed). This is now written in the trail; the Audit trail page gives the details. Keep this computer as it is and tell the person responsible for the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no working recovery key. Make a new one on the Users page and keep it in the office safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data has a new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup cannot be restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error}

Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was restored.

The database file that was in use is kept aside, not deleted:
{aside}

Sign in again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error}

The database was closed for the restore. Sign in again: if the database cannot be opened, the sign-in offers the newest good backup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Your office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office that keeps these records. Choose its province, then type a few letters of its commune, with or without diacritics (for example: lung cu).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Hội LHPN xã Lũng Cú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provincial office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District office (kept for records before July 2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed at the top of every paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Former district</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PapersPage</name>
    <message>
        <source>Receipts and papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How receipts are numbered and who signs the papers. The names can be left empty now and added in Settings later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters that start every receipt number: LC gives LC-2026-00001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher book (quyển số)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s own numbering of its voucher books, e.g. 01/2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head of office (thủ trưởng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chief accountant (kế toán trưởng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier (thủ quỹ)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassOnDialog</name>
    <message>
        <source>Pass on to another family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. head of the village women&apos;s group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is passed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen by the commune Women&apos;s Union.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed on on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated value (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not money spent: it is not added to the support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description on the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness&apos;s position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition, notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {who}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfOutput</name>
    <message>
        <source>Preparing the preview…</source>
        <extracomment>The user pressed Print in the preview; carries the printer chosen there. A short message for the status bar. A print job finished; carries the pages printed. A PDF was saved; carries its path. Printing or saving failed or was stopped; carries the message shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview shows the first {shown} of {total} pages; all are printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer is installed on this computer. Nothing was printed and nothing is lost: use “Save as PDF…” and print the file on another computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing cancelled: nothing was printed. The PDF can still be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing page {done} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n page sent to the printer.</numerusform>
            <numerusform>%n pages sent to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not print</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodsBox</name>
    <message>
        <source>Closed quarters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close a quarter once its summary has gone to the province and the donor: nothing dated in it can then be added, changed or voided, and its report keeps the figures of the close. Later corrections are dated today and point at the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed on {day} by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}, {name}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close quarter {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close quarter {period}? Its figures are kept as they are now, and nothing dated in it can be added, changed or voided until an administrator reopens it with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter {period} closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the quarter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter {period} reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <source>before 1/7/2025, now {names}</source>
        <extracomment>Qt item role holding the unit of a row of matches.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before 1/7/2025</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— any province —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the former district&apos;s name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a few letters of the name, e.g. lung cu, or the code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostgresBackupDialog</name>
    <message>
        <source>Back up the server&apos;s database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole database on the server is written into {folder}, encrypted (AES-256) with this passphrase as it is written. Without the passphrase the backup cannot be opened, by anyone: keep it apart from the stick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <source>Opening the profile…</source>
        <extracomment>Photos and scans (empty for a role that may not see them). The panel was closed by the user. A profile finished loading (beneficiary id).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the profile</source>
        <extracomment>The kinds of data a profile shows.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan a grant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass a calf (or a loom) on to another family, with its hand-over note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the pass-on note as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass-on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animal or thing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Consent (%n)</source>
        <translation>
            <numerusform>Consent (%n)</numerusform>
            <numerusform>Consent (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Grants (%n)</source>
        <translation>
            <numerusform>Grants (%n)</numerusform>
            <numerusform>Grants (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hand-overs (%n)</source>
        <translation>
            <numerusform>Hand-overs (%n)</numerusform>
            <numerusform>Hand-overs (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Assets (%n)</source>
        <translation>
            <numerusform>Assets (%n)</numerusform>
            <numerusform>Assets (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Visits (%n)</source>
        <translation>
            <numerusform>Visits (%n)</numerusform>
            <numerusform>Visits (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pass-on (%n)</source>
        <translation>
            <numerusform>Pass-on (%n)</numerusform>
            <numerusform>Pass-on (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Photos and scans (%n)</source>
        <translation>
            <numerusform>Photos and scans (%n)</numerusform>
            <numerusform>Photos and scans (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>alias “{alias}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lives in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused or withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>First calf to pass on: overdue by %n day(s)</source>
        <translation>
            <numerusform>First calf to pass on: overdue by %n day</numerusform>
            <numerusform>First calf to pass on: overdue by %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>First calf to pass on by {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calf born on {day}; {n} months allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed on to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit of {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the pass-on note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass-on note {number}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the pass-on note…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>Edit the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. SK-2527</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget (đồng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole amount the donor gives for this project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, {donor}: {start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvincePage</name>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a stick…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register an office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not due yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(replaced {n}×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{office}, {period}: the bundle made {earlier} was replaced by the one made {later}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The USB stick or the bundle&apos;s folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and taking in the bundles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already there, nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken in, replaces the earlier bundle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptBatchDialog</name>
    <message>
        <source>Print in one go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature list of a group payment for a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 copies (Liên 1, Liên 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies of each receipt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the papers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the hand-overs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper {done} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {pages} page(s) to {path}. You can print it now or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The papers of every hand-over of a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed. To print these papers again, make the PDF again: each receipt is then counted and marked as a copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptTableModel</name>
    <message>
        <source>Receipt no.</source>
        <extracomment>Only receipts whose signed copy is on file (True), or missing (False).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) printed</source>
        <translation>
            <numerusform>%n copy printed</numerusform>
            <numerusform>%n copies printed</numerusform>
        </translation>
    </message>
    <message>
        <source>replaces {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed copy on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names are hidden. Tick “Show names” to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher and hand-over note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not printed yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptVoidDialog</name>
    <message>
        <source>Void receipt {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without voiding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {number} of {date}: {person}, {amount}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A voided receipt is kept, struck through and marked “ĐÃ HỦY” with the reason; its number is never used again. The hand-over itself stays recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: the name was misspelt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a replacement receipt with a new number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a receipt printed wrongly: the same hand-over gets the next number, and the new receipt says which number it replaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for voiding:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by receipt number, code, alias or name, with or without diacritics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names are hidden in lists so that nobody reads them over your shoulder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment voucher (phiếu chi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed copy: any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signed copy on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed copy on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 copies (Liên 1, Liên 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the receipt as it will be printed (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the amount…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In an open quarter the hand-over is changed; in a closed one the correction is an adjustment dated today that points at it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the signed copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A photo or scan of the receipt as signed or thumbprinted; it is kept encrypted in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print in one go…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All receipts of a day, or the signature list of a month&apos;s allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} receipts shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hand-over of receipt {number} was corrected by an adjustment of {change} dated {day}: it now counts {value}. The adjustment shows in this quarter&apos;s report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hand-over of receipt {number} was corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {old} was voided. The hand-over now has the new receipt {new}: it is selected below, ready to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {old} was voided; no replacement was issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {old} voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {old} voided; new receipt {new}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signed copy of receipt {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed copy of receipt {number} kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person signs or puts a thumbprint on it; the office keeps a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview and print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not ask again (print from the Receipts page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s) shown</source>
        <translation>
            <numerusform>%n receipt shown</numerusform>
            <numerusform>%n receipts shown</numerusform>
        </translation>
    </message>
    <message>
        <source>A PDF counts as a print, like one on paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both: voucher for the money, note for the goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment voucher only (the money)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over note only (the goods)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over note (biên bản bàn giao)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {number} printed as copy {count} (marked “BẢN SAO”, logged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {number}: the original printed (logged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the papers of the hand-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hand-over was recorded with receipt {number}. Print the payment voucher (phiếu chi) now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hand-over was recorded with receipt {number}. Print the hand-over note (biên bản bàn giao) for the goods now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hand-over was recorded with receipt {number}. Print the payment voucher for the money and the hand-over note for the goods now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every hand-over gets the next receipt number of the year when it is recorded. Money is printed on a payment voucher, goods on a hand-over note. The first print is the original; every later print is a copy marked “BẢN SAO”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first print is the original; every later print is a counted copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Use the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key opens the data if every administrator forgets their password. It is shown only now. Print it or write it down, and keep it in the office safe, away from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant Tracker recovery key - keep in the office safe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>The recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key opens the data if every administrator forgets their password. It is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the recovery key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Register an office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key fingerprint (from its setup paper)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReopenPeriodDialog</name>
    <message>
        <source>Reopen quarter {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen the quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records dated in the quarter can be added, changed and voided again until it is closed once more. The reopening, with who did it and why, is printed on every report of the quarter made from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: the province asked for the August figures to be corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <extracomment>A summary was shown (``Summary``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First 6 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First 9 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates from – to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office (all figures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The donor (small counts hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The province (small counts hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the report to a USB stick or a folder: PDF, Excel and CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support handed over by type (million dong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the end of the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was handed over up to the end of this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding up the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{period}: {start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People supported: {new} new and {continuing} continuing in the period, {cumulative} in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version hides counts from 1 to 4 («&lt;5»), and other cells («x») that would give them back from a total, and leaves out people who withdrew their consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All projects: budget {budget}, planned {planned}, spent {spent}, left {left}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every project as it stands today, whatever the period picked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By former districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group places by the districts that existed until 30 June 2025 (for periods that ended before 1 July 2025); otherwise by the communes in force on the period&apos;s last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over in the period: {cash} in cash, {in_kind} in kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits scheduled in the period: {scheduled} = {done} done + {missed} with no one met + {overdue} overdue + {not_yet_due} not yet due + {cancelled} cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisional figures: the period has not ended (figures up to {day}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreConfirmDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the backup of {when} ({size})?
File: {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything recorded after {when} will no longer be in the database: beneficiaries, grants, hand-overs, receipts and visits entered since then must be entered again.

The database in use now is not deleted: it is kept aside in {folder}, under its name with “.replaced-” and today&apos;s date added.

The window closes during the restore; then everyone signs in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change the role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role of {who} decides what they may do. A change applies from their next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <source>Enable an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} will be able to sign in again with this new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new password for {who}. Their old password stops working at once, also for the backups on this computer: the data gets a new key. A lockout after wrong tries is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <extracomment>The user chose another language (``&quot;vi&quot;`` or ``&quot;en&quot;``). The idle time before the screen locks was changed (minutes). &quot;Change my password…&quot; was pressed. An administrator chose a backup to restore (``Path``, ``BackupInfo`` or None). A backup was written (``BackupInfo``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher book (quyển số)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Former district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head of office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chief accountant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save office details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator can change these details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator can add or change projects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen lock and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the window after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window hides everything and asks for your password again. Lock it at once with Ctrl+L when you leave the computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup is made when the app closes and once a day; the last 30 are kept in {folder}. Backups are encrypted like the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up to a USB stick or folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator can restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office details saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project {code} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the USB stick or folder for the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was written to {folder}:

{file}

It is encrypted: it opens only with the passphrase. Keep the passphrase apart from the stick, and the stick in a safe place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup made: {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was written to {folder}:

{file}
{keys}

It is encrypted: it opens only with the password of an account of this office or with the recovery key. Keep both files together, and the USB stick in a safe place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written to {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server. &quot;Back up to a USB stick or folder&quot; writes all of it there (pg_dump), encrypted with a passphrase you choose; PostgreSQL&apos;s command line tools must be installed on this computer. A restore is made on the server by its owner (tracker backup restore).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant Tracker backups (*{suffix});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed as “Quyển số” on every payment voucher. {year} stands for the voucher&apos;s year (one book a year); left empty, the book is the year.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Print it (or write it down) and keep the paper in the office safe, away from this computer. Do not photograph it or keep it in a file: anyone holding it can open every record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint of this office&apos;s signing key (the province registers it to take in your reports): {fingerprint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GRANT TRACKER RECOVERY KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To use it: at the sign-in, press “Forgot the password? Use the recovery key…”, or run: tracker recover USER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up Grant Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in - Grant Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the newest good backup? The damaged file is kept aside, not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator, or the recovery key, can restore the newest good backup. The damaged file is kept aside, not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the newest good backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the recovery key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot the password? Use the recovery key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup of {when} was restored. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <extracomment>The user asked to see a whole list on another page (page key). The first calves still to be passed on (shown when there are any).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New beneficiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan a grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a hand-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Overdue visits (%n)</source>
        <translation>
            <numerusform>Overdue visits (%n)</numerusform>
            <numerusform>Overdue visits (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Visits due in the next 7 days (%n)</source>
        <translation>
            <numerusform>Visits due in the next 7 days (%n)</numerusform>
            <numerusform>Visits due in the next 7 days (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Latest hand-overs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project yet. An administrator adds projects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{who} (late by %n day(s))</source>
        <translation>
            <numerusform>{who} (late by %n day)</numerusform>
            <numerusform>{who} (late by %n days)</numerusform>
        </translation>
    </message>
    <message>
        <source>{who} (by {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>First calves still to pass on: %n</source>
        <translation>
            <numerusform>First calf still to pass on: %n</numerusform>
            <numerusform>First calves still to pass on: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue: %n</source>
        <translation>
            <numerusform>overdue: %n</numerusform>
            <numerusform>overdue: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading today&apos;s work…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TripResultsDialog</name>
    <message>
        <source>Results of a trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book the next try a week on for those not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of the visits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab or Enter: next field · type the first letter or the number to choose · Ctrl+S: save. Rows left at “—” are not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the visits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support, due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animals, looms, school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no village recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visit is left to make there in those days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 Met, livelihood running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 Met, livelihood stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 Not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Young born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In school?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, in school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, left school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{entered} of {total} to save, {saved} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: choose an outcome on a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the visits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some rows were not recorded: see the message under each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the project lead today about: {codes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) typed in are not saved. Close without saving them?</source>
        <translation>
            <numerusform>%n row typed in is not saved. Close without saving it?</numerusform>
            <numerusform>%n rows typed in are not saved. Close without saving them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TripSheetDialog</name>
    <message>
        <source>Trip sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full names on the sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without it the sheet shows codes and aliases only. Logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Villages (none ticked: all):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits due from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer going:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visits still to make there, up to the last day (those overdue included), grouped by village, with room to write what was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the trip sheet…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Locked - Grant Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window is locked. {name}, enter your password to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tries left before the account is locked.</source>
        <translation>
            <numerusform>%n try left before the account is locked.</numerusform>
            <numerusform>%n tries left before the account is locked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each person signs in with their own account. Disable the account of someone who leaves the office: the data then gets a new key, and their password no longer opens it, nor any backup on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable with a new password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recovery key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the recovery key kept in the office safe (the old one stops working).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no working recovery key: the one kept in the office safe was made by an earlier version and no longer opens the data. Make a new one now with “New recovery key…” and keep it in the safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data has a new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of {user} was reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} has a new role; it applies from their next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {user} was disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {user} was enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new recovery key? The key kept in the office safe stops working at once. The new key is shown only once: print it or write it down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making a new recovery key and a new key for the data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new recovery key was made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Record a visit</source>
        <extracomment>Reasons after which the person may be in danger (gone with a &quot;job offer&quot;, say).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{place} · {kind}: visit due {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Went, but could not meet the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the person may have left with someone met recently, or for work far away or abroad, tell the project lead today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, it is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, it has stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is a safety concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the project lead today, and write what you saw in the notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book another visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Livelihood running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No animals or looms to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Young born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beneficiary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visited on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>After %n month(s)</source>
        <translation>
            <numerusform>After %n month</numerusform>
            <numerusform>After %n months</numerusform>
        </translation>
    </message>
    <message>
        <source>Livelihood running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety concern</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue and due this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All communes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All officers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trip sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the visits to make in a commune for a day&apos;s trip, and type in what was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, alias or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) shown</source>
        <translation>
            <numerusform>%n visit shown</numerusform>
            <numerusform>%n visits shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation>
            <numerusform>%n late</numerusform>
            <numerusform>%n late</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_BusyDialog</name>
    <message>
        <source>Cancel</source>
        <extracomment>Tasks whose result has not come back yet, by id.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PasswordsDialog</name>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The daily backup failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project totals counted again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was kept as planned and handed over for {projects} did not match their grants and hand-overs: it was changed outside Grant Tracker. The totals were counted again, and this is recorded in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error}

Close Grant Tracker and sign in again: the sign-in then offers the newest good backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo database could not be built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {location} could not be opened:
{error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>The printer could not be started{detail}. Nothing was printed and nothing is lost: check that the printer is switched on and connected, try again, or use “Save as PDF…” and print the file later.</source>
        <extracomment>Resolution of the pictures in the preview (sharp enough to read, light on memory). A preview shows at most this many pages (a 1,000-page batch is printed, not previewed).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer stopped after {pages} page(s). Nothing is lost: check the printer and print again, or use “Save as PDF…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing was stopped. Nothing is lost; you can print again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be read for printing: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. No file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: {error}. Nothing was changed.</source>
        <extracomment>``done`` of ``total`` steps finished.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paper could not be made: {error}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>worker</name>
    <message>
        <source>The database could not do this: {error}
Nothing was changed. Try again; if it keeps failing, tell the person who looks after this computer.</source>
        <extracomment>The callable returned; carries its result. The callable raised; carries the exception. The user pressed Cancel; any later result is dropped. The task is over, whichever way.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not finish</source>
        <extracomment>What :func:`run_gui` returns when a backup was restored: the database is closed and the app asks everyone to sign in again. The whole file&apos;s integrity check and the daily backup start this long after the window shows: both read the whole file, and would take a core from the first screen.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
