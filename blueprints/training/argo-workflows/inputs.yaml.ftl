<#import "/lib/inputs.ftl" as inputs>
<#-- The pipeline's inputs ConfigMap: see /lib/inputs.ftl. -->
<@inputs.configMap pipeline.inputs/>
