<#import "lib/bgp.ftl" as bgp>
<@bgp.config family=6/>
