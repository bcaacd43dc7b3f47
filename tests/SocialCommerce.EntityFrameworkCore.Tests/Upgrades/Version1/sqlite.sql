CREATE TABLE "sc_accounts" (
    "MemberId" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "MinorUnit" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Pending" INTEGER NOT NULL,
    "Frozen" INTEGER NOT NULL,
    "Available" INTEGER NOT NULL,
    "Withdrawn" INTEGER NOT NULL,
    "Fees" INTEGER NOT NULL,
    "Debt" INTEGER NOT NULL,
    "WrittenOff" INTEGER NOT NULL,
    "Forgiven" INTEGER NOT NULL,
    "Booked" INTEGER NOT NULL,
    "Reversed" INTEGER NOT NULL,
    "InWithdrawal" INTEGER NOT NULL,
    "Withheld" INTEGER NOT NULL,
    "Adjusted" INTEGER NOT NULL,
    CONSTRAINT "PK_sc_accounts" PRIMARY KEY ("MemberId", "Currency")
);


CREATE TABLE "sc_adjustments" (
    "AdjustmentId" TEXT NOT NULL CONSTRAINT "PK_sc_adjustments" PRIMARY KEY,
    "MemberId" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "MinorUnits" INTEGER NOT NULL,
    "Author" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "At" INTEGER NOT NULL
);


CREATE TABLE "sc_batches" (
    "BatchId" TEXT NOT NULL CONSTRAINT "PK_sc_batches" PRIMARY KEY,
    "RuleName" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "CutOff" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "SchemaVersion" INTEGER NOT NULL,
    "State" TEXT NOT NULL
);


CREATE TABLE "sc_bindings" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_sc_bindings" PRIMARY KEY,
    "MemberId" INTEGER NOT NULL,
    "ReferrerId" INTEGER NULL,
    "PreviousReferrerId" INTEGER NULL,
    "At" INTEGER NOT NULL,
    "IsRegistration" INTEGER NOT NULL
);


CREATE TABLE "sc_entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_sc_entries" PRIMARY KEY AUTOINCREMENT,
    "PostingId" TEXT NOT NULL,
    "SaleId" TEXT NULL,
    "MemberId" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "FromState" INTEGER NOT NULL,
    "MinorUnits" INTEGER NOT NULL,
    "At" INTEGER NOT NULL
);


CREATE TABLE "sc_group_events" (
    "GroupId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Type" TEXT NOT NULL,
    "SchemaVersion" INTEGER NOT NULL,
    "Event" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    CONSTRAINT "PK_sc_group_events" PRIMARY KEY ("GroupId", "Version")
);


CREATE TABLE "sc_group_slots" (
    "RuleName" TEXT NOT NULL,
    "MemberId" INTEGER NOT NULL,
    "OpenGroups" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "PK_sc_group_slots" PRIMARY KEY ("RuleName", "MemberId")
);


CREATE TABLE "sc_groups" (
    "GroupId" INTEGER NOT NULL CONSTRAINT "PK_sc_groups" PRIMARY KEY,
    "RuleName" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Deadline" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "sc_growth" (
    "MemberId" INTEGER NOT NULL CONSTRAINT "PK_sc_growth" PRIMARY KEY,
    "Version" INTEGER NOT NULL,
    "Level" INTEGER NOT NULL,
    "Balance" INTEGER NOT NULL,
    "SchemaVersion" INTEGER NOT NULL,
    "State" TEXT NOT NULL
);


CREATE TABLE "sc_members" (
    "MemberId" INTEGER NOT NULL CONSTRAINT "PK_sc_members" PRIMARY KEY,
    "ReferrerId" INTEGER NULL,
    "BoundAt" INTEGER NOT NULL,
    "RegisteredSequence" INTEGER NOT NULL
);


CREATE TABLE "sc_rule_versions" (
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_sc_rule_versions" PRIMARY KEY ("Kind", "Name", "Version")
);


CREATE TABLE "sc_sales" (
    "SaleId" TEXT NOT NULL CONSTRAINT "PK_sc_sales" PRIMARY KEY,
    "Version" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "ReleaseAt" INTEGER NULL,
    "Currency" TEXT NOT NULL,
    "SchemaVersion" INTEGER NOT NULL,
    "State" TEXT NOT NULL
);


CREATE TABLE "sc_schema" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_sc_schema" PRIMARY KEY,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "sc_withdrawals" (
    "WithdrawalId" TEXT NOT NULL CONSTRAINT "PK_sc_withdrawals" PRIMARY KEY,
    "MemberId" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "Requested" INTEGER NOT NULL,
    "Gross" INTEGER NOT NULL,
    "Fee" INTEGER NOT NULL,
    "Net" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "Withheld" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "TransferReference" TEXT NULL,
    "Reason" TEXT NULL,
    "Version" INTEGER NOT NULL
);


INSERT INTO "sc_schema" ("Id", "Version")
VALUES (1, 1);
SELECT changes();



CREATE INDEX "IX_sc_accounts_Currency_Available" ON "sc_accounts" ("Currency", "Available");


CREATE INDEX "IX_sc_adjustments_MemberId_Currency" ON "sc_adjustments" ("MemberId", "Currency");


CREATE INDEX "IX_sc_batches_Status_CutOff" ON "sc_batches" ("Status", "CutOff");


CREATE INDEX "IX_sc_bindings_MemberId" ON "sc_bindings" ("MemberId");


CREATE INDEX "IX_sc_entries_MemberId_Currency" ON "sc_entries" ("MemberId", "Currency");


CREATE UNIQUE INDEX "IX_sc_entries_PostingId" ON "sc_entries" ("PostingId");


CREATE INDEX "IX_sc_groups_Status_Deadline" ON "sc_groups" ("Status", "Deadline");


CREATE INDEX "IX_sc_members_ReferrerId" ON "sc_members" ("ReferrerId");


CREATE INDEX "IX_sc_sales_Status_ReleaseAt" ON "sc_sales" ("Status", "ReleaseAt");


CREATE INDEX "IX_sc_withdrawals_MemberId_Currency" ON "sc_withdrawals" ("MemberId", "Currency");


CREATE INDEX "IX_sc_withdrawals_Status_At" ON "sc_withdrawals" ("Status", "At");


