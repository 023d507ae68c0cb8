# ruff: noqa: RUF012  (written as Django writes migrations)
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("blog", "0001_initial")]

    operations = [
        migrations.AddField(model_name="post", name="published", field=models.BooleanField(default=False)),
        migrations.AddIndex(
            model_name="post",
            index=models.Index(fields=["published", "-title"], name="blog_post_published_idx"),
        ),
    ]
