from django.apps import AppConfig


class PipelineConfig(AppConfig):
    name = "goodfit.pipeline"
    label = "pipeline"
    verbose_name = "Pipeline"
