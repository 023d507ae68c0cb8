-- CreateTable
CREATE TABLE `payment_methods` (`id` CHAR(26) NOT NULL, PRIMARY KEY (`id`));
