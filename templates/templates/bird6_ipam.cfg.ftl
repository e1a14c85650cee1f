<#import "lib/ipam.ftl" as ipam>
<@ipam.config family=6/>
