-- AlterTable
ALTER TABLE "public"."machine" ADD COLUMN     "processingScriptId" TEXT;

-- CreateTable
CREATE TABLE "public"."processing_script" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "script" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "tenantId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT,

    CONSTRAINT "processing_script_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "processing_script_tenantId_idx" ON "public"."processing_script"("tenantId");

-- AddForeignKey
ALTER TABLE "public"."machine" ADD CONSTRAINT "machine_processingScriptId_fkey" FOREIGN KEY ("processingScriptId") REFERENCES "public"."processing_script"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public"."processing_script" ADD CONSTRAINT "processing_script_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "public"."tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
