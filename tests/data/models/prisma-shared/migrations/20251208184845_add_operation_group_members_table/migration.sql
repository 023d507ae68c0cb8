-- CreateTable
CREATE TABLE "public"."OperationGroupMember" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "tenantId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OperationGroupMember_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OperationGroupMember_groupId_idx" ON "public"."OperationGroupMember"("groupId");

-- CreateIndex
CREATE INDEX "OperationGroupMember_memberId_idx" ON "public"."OperationGroupMember"("memberId");

-- CreateIndex
CREATE INDEX "OperationGroupMember_tenantId_idx" ON "public"."OperationGroupMember"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "OperationGroupMember_groupId_memberId_key" ON "public"."OperationGroupMember"("groupId", "memberId");

-- AddForeignKey
ALTER TABLE "public"."OperationGroupMember" ADD CONSTRAINT "OperationGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "public"."operation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."OperationGroupMember" ADD CONSTRAINT "OperationGroupMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "public"."operation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."OperationGroupMember" ADD CONSTRAINT "OperationGroupMember_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "public"."tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
