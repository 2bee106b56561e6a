# Runs every exported cmdlet, in every parameter set, through Stoplight Prism's validating proxy in front of the
# simulator, and fails on any request or response that breaks the OpenAPI contract. Started by
# `build.ps1 -Task Contract -Spec <file>`, in a fresh pwsh with the staged module (see docs/ARCHITECTURE.md, "Contract").
#
# A case fails when the cmdlet writes an error, when any response it got carries Prism's sl-violations header or is one
# of Prism's own problem+json answers (422: the request broke the contract; 500 VIOLATIONS: the response did), or when
# it calls an operation its [ApiOperation] declarations do not name. The run fails when a case failed, when Prism's log
# reports a violation, when an exported cmdlet's parameter set has no case, or when a declared operation was never
# exercised.
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $ProxyUrl,
    [Parameter(Mandatory)] [string] $SimulatorUrl,
    [Parameter(Mandatory)] [string] $PrismLog
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $Module
Import-Module (Join-Path $PSScriptRoot 'Coverage.psm1')

$SimulatorRoot = $SimulatorUrl.TrimEnd('/') -replace '/v1$', ''
$FakeKey = 'sk-admin-contract-fake-key'
$SecureKey = ConvertTo-SecureString $FakeKey -AsPlainText -Force
$Scratch = Join-Path ([IO.Path]::GetTempPath()) "oai-contract-$PID"
New-Item -ItemType Directory -Path $Scratch -Force | Out-Null

function New-ContractCertificatePem([string] $Subject) {
    $key = [System.Security.Cryptography.ECDsa]::Create([System.Security.Cryptography.ECCurve+NamedCurves]::nistP256)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new($Subject, $key, [System.Security.Cryptography.HashAlgorithmName]::SHA256)
    $certificate = $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays(-1), [DateTimeOffset]::UtcNow.AddDays(90))
    return $certificate.ExportCertificatePem()
}

function Connect-Proxy {
    Connect-OAIAdmin -ApiKey $SecureKey -BaseUri $ProxyUrl -MaxRetryCount 0
}

# State shared by the cases (objects created by one case and used by a later one).
$Made = @{}

# The seeded objects the cases use, looked up by name or position straight from the simulator (not through the proxy),
# so that the cases do not depend on what the seed ids look like.
function Get-Direct([string] $PathAndQuery) {
    $answer = Invoke-RestMethod -Uri "$($SimulatorUrl.TrimEnd('/'))/$PathAndQuery" -Headers @{ Authorization = "Bearer $FakeKey" }
    @($answer.data)
}

function Find-Seed([object[]] $Items, [string] $Property, [string] $Value) {
    $found = @($Items | Where-Object $Property -CEQ $Value)
    if ($found.Count -ne 1) { throw "The simulator's seed has no single object with $Property '$Value'." }
    return $found[0].id
}

function Get-ContractSeed {
    $projects = Get-Direct 'organization/projects?limit=100'
    $users = [System.Collections.Generic.List[object]]::new()
    do {
        $after = if ($users.Count -gt 0) { "&after=$($users[-1].id)" } else { '' }
        $page = Invoke-RestMethod -Uri "$($SimulatorUrl.TrimEnd('/'))/organization/users?limit=100$after" -Headers @{ Authorization = "Bearer $FakeKey" }
        $users.AddRange([object[]]@($page.data))
    } while ($page.has_more)
    $groups = Get-Direct 'organization/groups?limit=1000'
    $roles = Get-Direct 'organization/roles'
    $certificates = Get-Direct 'organization/certificates?limit=100'
    $invites = Get-Direct 'organization/invites?limit=100'
    if ($users.Count -lt 241) { throw "The contract cases need the simulator's 250 seeded users; found $($users.Count)." }
    $seed = @{
        Default         = Find-Seed $projects name 'Default project'
        Production      = Find-Seed $projects name 'Production chatbot'
        DataScience     = Find-Seed $projects name 'Data science'
        SupportBot      = Find-Seed $projects name 'Support bot'
        Legacy          = Find-Seed (Get-Direct 'organization/projects?limit=100&include_archived=true') name 'Legacy chatbot'
        AdminKey        = (Get-Direct 'organization/admin_api_keys?limit=1')[0].id
        Invite1         = $invites[0].id
        Invite2         = $invites[1].id
        # Engineering has members, Contractors a few, Finance holds the Billing reader role (as does the second user).
        Engineering     = Find-Seed $groups name 'Engineering'
        Contractors     = Find-Seed $groups name 'Contractors'
        Finance         = Find-Seed $groups name 'Finance'
        Security        = Find-Seed $groups name 'Security'
        Owner           = Find-Seed $roles name 'Owner'
        BillingReader   = Find-Seed $roles name 'Billing reader'
        SecurityAuditor = Find-Seed $roles name 'Security auditor'
        CorpRoot        = Find-Seed $certificates name 'corp-root-2025'
        PartnerGateway  = Find-Seed $certificates name 'partner-gateway-2025'
        Email7          = $users[6].email
        Email8          = $users[7].email
    }
    $seed.ServiceAccountKey = (Get-Direct "organization/projects/$($seed.Production)/api_keys?limit=100" | Where-Object { $_.owner.type -eq 'service_account' } | Select-Object -First 1).id
    foreach ($n in 1, 2, 5, 10, 11, 12, 20, 21, 30, 31, 240, 241) { $seed["User$n"] = $users[$n - 1].id }
    $seed.Email31 = $users[30].email
    return $seed
}

# Every exported cmdlet in every parameter set, in an order where each case finds what it needs. Sets use the cmdlets'
# parameter-set names. Input (optional) fetches what Run pipes in as $Piped: its requests are validated too, but they
# are not counted as calls of the case's cmdlet. Errors and debug records of both are collected by the runner.
$Cases = @(
    # Connection: no API operation, but every set must work against a proxy base URI.
    @{ Cmdlet = 'Connect-OAIAdmin'; Set = 'Environment'; Run = {
            $env:OPENAI_ADMIN_KEY = $FakeKey; $env:OPENAI_BASE_URL = $ProxyUrl
            try { Connect-OAIAdmin -MaxRetryCount 0 -PassThru } finally { Remove-Item Env:OPENAI_ADMIN_KEY, Env:OPENAI_BASE_URL }
        }
    }
    @{ Cmdlet = 'Connect-OAIAdmin'; Set = 'Credential'; Run = {
            Connect-OAIAdmin -Credential ([pscredential]::new('admin', $SecureKey)) -BaseUri $ProxyUrl -MaxRetryCount 0 -PassThru
        }
    }
    @{ Cmdlet = 'Get-OAIAdminContext'; Set = '__AllParameterSets'; Run = { Get-OAIAdminContext } }
    @{ Cmdlet = 'Disconnect-OAIAdmin'; Set = '__AllParameterSets'; Run = { Disconnect-OAIAdmin } }
    @{ Cmdlet = 'Connect-OAIAdmin'; Set = 'ApiKey'; Run = { Connect-OAIAdmin -ApiKey $SecureKey -BaseUri $ProxyUrl -MaxRetryCount 0 -PassThru } }

    # Projects
    @{ Cmdlet = 'Get-OAIProject'; Set = 'List'; Run = { Get-OAIProject -IncludeArchived -PageSize 4 } }
    @{ Cmdlet = 'Get-OAIProject'; Set = 'Id'; Run = { Get-OAIProject -Id $Seed.Default, $Seed.Production } }
    @{ Cmdlet = 'New-OAIProject'; Set = '__AllParameterSets'; Run = {
            $Made.Project = New-OAIProject -Name 'Contract project' -Residency US_STORAGE_PROCESSING -ExternalKeyId ekm_contract
            $Made.Project2 = New-OAIProject -Name 'Contract project 2'
            $Made.Project, $Made.Project2
        }
    }
    @{ Cmdlet = 'Set-OAIProject'; Set = '__AllParameterSets'; Run = { Set-OAIProject -Id $Made.Project.Id -Name 'Contract project renamed' -ExternalKeyId ekm_contract_2 -PassThru } }
    @{ Cmdlet = 'Remove-OAIProject'; Set = 'InputObject'; Run = { $Made.Project | Remove-OAIProject -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIProject'; Set = 'Id'; Run = { Remove-OAIProject -Id $Made.Project2.Id -Force -PassThru } }

    # Admin API keys
    @{ Cmdlet = 'Get-OAIAdminApiKey'; Set = 'List'; Run = { Get-OAIAdminApiKey -PageSize 2; Get-OAIAdminApiKey -Descending -PageSize 2 } }
    @{ Cmdlet = 'Get-OAIAdminApiKey'; Set = 'Id'; Run = { Get-OAIAdminApiKey -Id $Seed.AdminKey } }
    @{ Cmdlet = 'New-OAIAdminApiKey'; Set = 'NoExpiry'; Run = { $Made.AdminKey = New-OAIAdminApiKey -Name 'contract-none' -WarningAction SilentlyContinue; $Made.AdminKey } }
    @{ Cmdlet = 'New-OAIAdminApiKey'; Set = 'ExpiresIn'; Run = { $Made.AdminKey2 = New-OAIAdminApiKey -Name 'contract-in' -ExpiresIn (New-TimeSpan -Days 30) -WarningAction SilentlyContinue; $Made.AdminKey2 } }
    @{ Cmdlet = 'New-OAIAdminApiKey'; Set = 'ExpiresAt'; Run = { New-OAIAdminApiKey -Name 'contract-at' -ExpiresAt ([DateTime]::UtcNow.AddDays(7)) -WarningAction SilentlyContinue } }
    @{ Cmdlet = 'Remove-OAIAdminApiKey'; Set = 'InputObject'; Input = { Get-OAIAdminApiKey -Id $Made.AdminKey.Id }; Run = { $Piped | Remove-OAIAdminApiKey -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIAdminApiKey'; Set = 'Id'; Run = { Remove-OAIAdminApiKey -Id $Made.AdminKey2.Id -Force -PassThru } }

    # Users
    @{ Cmdlet = 'Get-OAIUser'; Set = 'List'; Run = { Get-OAIUser -PageSize 100; Get-OAIUser -Email $Seed.Email7, $Seed.Email8 } }
    @{ Cmdlet = 'Get-OAIUser'; Set = 'Id'; Run = { Get-OAIUser -Id $Seed.User1, $Seed.User2 } }
    @{ Cmdlet = 'Set-OAIUser'; Set = '__AllParameterSets'; Run = {
            Set-OAIUser -Id $Seed.User10 -Role owner -Force -PassThru
            Set-OAIUser -Id $Seed.User11 -RoleId $Seed.SecurityAuditor -PassThru
            Set-OAIUser -Id $Seed.User12 -TechnicalLevel expert -DeveloperPersona builder -PassThru
        }
    }
    @{ Cmdlet = 'Remove-OAIUser'; Set = 'InputObject'; Input = { Get-OAIUser -Id $Seed.User240 }; Run = { $Piped | Remove-OAIUser -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIUser'; Set = 'Id'; Run = { Remove-OAIUser -Id $Seed.User241 -Force -PassThru } }

    # Invites
    @{ Cmdlet = 'Get-OAIInvite'; Set = 'List'; Run = { Get-OAIInvite -PageSize 2 } }
    @{ Cmdlet = 'Get-OAIInvite'; Set = 'Id'; Run = { Get-OAIInvite -Id $Seed.Invite1, $Seed.Invite2 } }
    @{ Cmdlet = 'New-OAIInvite'; Set = 'ProjectId'; Run = {
            $Made.Invite = New-OAIInvite -Email contract.one@example.com -Role reader -ProjectId $Seed.DataScience -ProjectRole owner
            $Made.Invite
            New-OAIInvite -Email contract.default@example.com -Role owner -Confirm:$false
        }
    }
    @{ Cmdlet = 'New-OAIInvite'; Set = 'Project'; Run = {
            $Made.Invite2 = New-OAIInvite -Email contract.two@example.com -Project @{ Id = $Seed.SupportBot; Role = 'member' }
            $Made.Invite2
            New-OAIInvite -Email contract.none@example.com -Project @()
        }
    }
    @{ Cmdlet = 'Remove-OAIInvite'; Set = 'InputObject'; Run = { $Made.Invite | Remove-OAIInvite -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIInvite'; Set = 'Id'; Run = { Remove-OAIInvite -Id $Made.Invite2.Id -Force -PassThru } }

    # Groups and members
    @{ Cmdlet = 'Get-OAIGroup'; Set = 'List'; Run = { Get-OAIGroup -PageSize 5 } }
    @{ Cmdlet = 'Get-OAIGroup'; Set = 'Id'; Run = { Get-OAIGroup -Id $Seed.Engineering, $Seed.Security } }
    @{ Cmdlet = 'New-OAIGroup'; Set = '__AllParameterSets'; Run = {
            $Made.Group = New-OAIGroup -Name 'Contract group'
            $Made.Group2 = New-OAIGroup -Name 'Contract group 2'
            $Made.Group, $Made.Group2
        }
    }
    @{ Cmdlet = 'Set-OAIGroup'; Set = 'InputObject'; Run = { $Made.Group | Set-OAIGroup -Name 'Contract group renamed' -PassThru } }
    @{ Cmdlet = 'Set-OAIGroup'; Set = 'Id'; Run = { Set-OAIGroup -Id $Made.Group2.Id -Name 'Contract group 2 renamed' -PassThru } }
    @{ Cmdlet = 'Get-OAIGroupMember'; Set = 'InputObject'; Input = { Get-OAIGroup -Id $Seed.Engineering }; Run = { $Piped | Get-OAIGroupMember -PageSize 7 } }
    @{ Cmdlet = 'Get-OAIGroupMember'; Set = 'GroupId'; Run = {
            Get-OAIGroupMember -GroupId $Seed.Contractors -Ascending -PageSize 2
            Get-OAIGroupMember -GroupId $Seed.Engineering -UserId $Seed.User1, $Seed.User2
        }
    }
    @{ Cmdlet = 'Add-OAIGroupMember'; Set = '__AllParameterSets'; Run = {
            Add-OAIGroupMember -GroupId $Made.Group.Id -UserId $Seed.User20
            Add-OAIGroupMember -GroupId $Made.Group.Id -UserId $Seed.User21
        }
    }
    @{ Cmdlet = 'Remove-OAIGroupMember'; Set = 'InputObject'; Input = { Get-OAIGroupMember -GroupId $Made.Group.Id -UserId $Seed.User20 }; Run = { $Piped | Remove-OAIGroupMember -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIGroupMember'; Set = 'Id'; Run = { Remove-OAIGroupMember -GroupId $Made.Group.Id -UserId $Seed.User21 -Force -PassThru } }

    # Roles and assignments
    @{ Cmdlet = 'Get-OAIRole'; Set = 'List'; Run = { Get-OAIRole -PageSize 2 } }
    @{ Cmdlet = 'Get-OAIRole'; Set = 'Id'; Run = { Get-OAIRole -Id $Seed.Owner, $Seed.BillingReader } }
    @{ Cmdlet = 'New-OAIRole'; Set = '__AllParameterSets'; Run = {
            $Made.Role = New-OAIRole -Name 'Contract role' -Permission api.organization.read, api.groups.read -Description 'Made by the contract run'
            $Made.Role2 = New-OAIRole -Name 'Contract role 2' -Permission api.roles.read
            $Made.Role, $Made.Role2
        }
    }
    @{ Cmdlet = 'Set-OAIRole'; Set = 'InputObject'; Run = { $Made.Role | Set-OAIRole -Name 'Contract role renamed' -Permission api.organization.read -PassThru } }
    @{ Cmdlet = 'Set-OAIRole'; Set = 'Id'; Run = { Set-OAIRole -Id $Made.Role2.Id -Description '' -PassThru } }
    @{ Cmdlet = 'Get-OAIUserRole'; Set = 'List'; Run = { Get-OAIUserRole -UserId $Seed.User2 -PageSize 1 } }
    @{ Cmdlet = 'Get-OAIUserRole'; Set = 'Role'; Run = { Get-OAIUserRole -UserId $Seed.User2 -RoleId $Seed.BillingReader } }
    @{ Cmdlet = 'Add-OAIUserRole'; Set = '__AllParameterSets'; Run = {
            Add-OAIUserRole -UserId $Seed.User5 -RoleId $Made.Role.Id
            Add-OAIUserRole -UserId $Seed.User5 -RoleId $Made.Role2.Id
        }
    }
    @{ Cmdlet = 'Remove-OAIUserRole'; Set = 'InputObject'; Input = { Get-OAIUserRole -UserId $Seed.User5 -RoleId $Made.Role.Id }; Run = { $Piped | Remove-OAIUserRole -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIUserRole'; Set = 'Id'; Run = { Remove-OAIUserRole -UserId $Seed.User5 -RoleId $Made.Role2.Id -Force -PassThru } }
    @{ Cmdlet = 'Get-OAIGroupRole'; Set = 'List'; Run = { Get-OAIGroupRole -GroupId $Seed.Finance -PageSize 1 } }
    @{ Cmdlet = 'Get-OAIGroupRole'; Set = 'Role'; Run = { Get-OAIGroupRole -GroupId $Seed.Finance -RoleId $Seed.BillingReader } }
    @{ Cmdlet = 'Add-OAIGroupRole'; Set = '__AllParameterSets'; Run = {
            Add-OAIGroupRole -GroupId $Made.Group.Id -RoleId $Made.Role.Id
            Add-OAIGroupRole -GroupId $Made.Group.Id -RoleId $Made.Role2.Id
        }
    }
    @{ Cmdlet = 'Remove-OAIGroupRole'; Set = 'InputObject'; Input = { Get-OAIGroupRole -GroupId $Made.Group.Id -RoleId $Made.Role.Id }; Run = { $Piped | Remove-OAIGroupRole -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIGroupRole'; Set = 'Id'; Run = { Remove-OAIGroupRole -GroupId $Made.Group.Id -RoleId $Made.Role2.Id -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIRole'; Set = 'InputObject'; Run = { $Made.Role | Remove-OAIRole -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIRole'; Set = 'Id'; Run = { Remove-OAIRole -Id $Made.Role2.Id -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIGroup'; Set = 'InputObject'; Run = { $Made.Group | Remove-OAIGroup -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIGroup'; Set = 'Id'; Run = { Remove-OAIGroup -Id $Made.Group2.Id -Force -PassThru } }

    # Certificates
    @{ Cmdlet = 'Get-OAICertificate'; Set = 'List'; Run = { Get-OAICertificate -PageSize 2; Get-OAICertificate -ProjectId $Seed.Default -PageSize 1 } }
    @{ Cmdlet = 'Get-OAICertificate'; Set = 'Id'; Run = { Get-OAICertificate -Id $Seed.CorpRoot -IncludeContent; Get-OAICertificate -Id $Seed.PartnerGateway } }
    @{ Cmdlet = 'Import-OAICertificate'; Set = 'Path'; Run = {
            $file = Join-Path $Scratch 'contract-path.pem'
            Set-Content -LiteralPath $file -Value (New-ContractCertificatePem 'CN=contract-path.example.com')
            $Made.Certificate = Import-OAICertificate -Path $file -Name 'contract-path'
            $Made.Certificate
        }
    }
    @{ Cmdlet = 'Import-OAICertificate'; Set = 'LiteralPath'; Run = {
            $file = Join-Path $Scratch 'contract[literal].pem'
            Set-Content -LiteralPath $file -Value (New-ContractCertificatePem 'CN=contract-literal.example.com')
            $Made.Certificate2 = Import-OAICertificate -LiteralPath $file -Name 'contract-literal'
            $Made.Certificate2
        }
    }
    @{ Cmdlet = 'Import-OAICertificate'; Set = 'Content'; Run = { New-ContractCertificatePem 'CN=contract-content.example.com' | Import-OAICertificate } }
    @{ Cmdlet = 'Set-OAICertificate'; Set = 'InputObject'; Run = { $Made.Certificate | Set-OAICertificate -Name 'contract-path-renamed' -PassThru } }
    @{ Cmdlet = 'Set-OAICertificate'; Set = 'Id'; Run = { Set-OAICertificate -Id $Made.Certificate2.Id -Name 'contract-literal-renamed' -PassThru } }
    @{ Cmdlet = 'Enable-OAICertificate'; Set = 'InputObject'; Input = { Get-OAICertificate -ProjectId $Seed.Default }; Run = {
            $Made.Certificate | Enable-OAICertificate -PassThru
            $Piped | Enable-OAICertificate -PassThru
        }
    }
    @{ Cmdlet = 'Enable-OAICertificate'; Set = 'Id'; Run = { Enable-OAICertificate -Id $Made.Certificate2.Id -ProjectId $Seed.DataScience -PassThru } }
    @{ Cmdlet = 'Disable-OAICertificate'; Set = 'InputObject'; Input = { Get-OAICertificate -ProjectId $Seed.DataScience }; Run = {
            $Made.Certificate | Disable-OAICertificate -Force -PassThru
            $Piped | Disable-OAICertificate -Force -PassThru
        }
    }
    @{ Cmdlet = 'Disable-OAICertificate'; Set = 'Id'; Run = { Disable-OAICertificate -Id $Seed.CorpRoot -ProjectId $Seed.Default -Force -PassThru; Disable-OAICertificate -Id $Seed.PartnerGateway -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAICertificate'; Set = 'InputObject'; Run = { $Made.Certificate | Remove-OAICertificate -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAICertificate'; Set = 'Id'; Run = { Remove-OAICertificate -Id $Made.Certificate2.Id -Force -PassThru } }

    # In a project: roles first (the others need their ids), then users, groups and their role assignments. Production
    # chatbot has the predefined roles Owner and Member, the custom role Deployer (held by the second user) and the group
    # Engineering.
    @{ Cmdlet = 'Get-OAIProjectRole'; Set = '__AllParameterSets'; Run = {
            $roles = @(Get-OAIProjectRole -ProjectId $Seed.Production -PageSize 1)
            $Made.ProjectMember = $roles | Where-Object Name -eq 'Member'
            $Made.ProjectDeployer = $roles | Where-Object Name -eq 'Deployer'
            $roles
            Get-OAIProjectRole -ProjectId $Seed.Production -Id $Made.ProjectMember.Id, $Made.ProjectDeployer.Id
        }
    }
    @{ Cmdlet = 'New-OAIProjectRole'; Set = '__AllParameterSets'; Run = {
            $Made.ProjectRole = New-OAIProjectRole -ProjectId $Seed.Production -Name 'Contract project role' -Permission api.project.read -Description 'Made by the contract run'
            $Made.ProjectRole2 = New-OAIProjectRole -ProjectId $Seed.Production -Name 'Contract project role 2' -Permission api.project.read, api.project.write
            $Made.ProjectRole, $Made.ProjectRole2
        }
    }
    @{ Cmdlet = 'Set-OAIProjectRole'; Set = 'InputObject'; Run = { $Made.ProjectRole | Set-OAIProjectRole -Name 'Contract project role renamed' -Permission api.project.read -PassThru } }
    @{ Cmdlet = 'Set-OAIProjectRole'; Set = 'Id'; Run = { Set-OAIProjectRole -ProjectId $Seed.Production -Id $Made.ProjectRole2.Id -Description '' -PassThru } }
    @{ Cmdlet = 'Get-OAIProjectUser'; Set = '__AllParameterSets'; Run = {
            Get-OAIProjectUser -ProjectId $Seed.Production -PageSize 2
            Get-OAIProjectUser -ProjectId $Seed.Production -Id $Seed.User1, $Seed.User2
        }
    }
    @{ Cmdlet = 'Add-OAIProjectUser'; Set = 'Id'; Run = { Add-OAIProjectUser -ProjectId $Seed.Production -Id $Seed.User30 -Role member } }
    @{ Cmdlet = 'Add-OAIProjectUser'; Set = 'Email'; Run = { Add-OAIProjectUser -ProjectId $Seed.Production -Email $Seed.Email31 -Role owner } }
    @{ Cmdlet = 'Set-OAIProjectUser'; Set = '__AllParameterSets'; Run = { Set-OAIProjectUser -ProjectId $Seed.Production -Id $Seed.User30 -Role owner -PassThru } }
    @{ Cmdlet = 'Get-OAIProjectUserRole'; Set = 'List'; Run = { Get-OAIProjectUserRole -ProjectId $Seed.Production -UserId $Seed.User2 -PageSize 1 } }
    @{ Cmdlet = 'Get-OAIProjectUserRole'; Set = 'Role'; Run = { Get-OAIProjectUserRole -ProjectId $Seed.Production -UserId $Seed.User2 -RoleId $Made.ProjectDeployer.Id } }
    @{ Cmdlet = 'Add-OAIProjectUserRole'; Set = '__AllParameterSets'; Run = {
            Add-OAIProjectUserRole -ProjectId $Seed.Production -UserId $Seed.User30 -RoleId $Made.ProjectRole.Id
            Add-OAIProjectUserRole -ProjectId $Seed.Production -UserId $Seed.User30 -RoleId $Made.ProjectRole2.Id
        }
    }
    @{ Cmdlet = 'Remove-OAIProjectUserRole'; Set = 'InputObject'; Input = { Get-OAIProjectUserRole -ProjectId $Seed.Production -UserId $Seed.User30 -RoleId $Made.ProjectRole.Id }
        Run = { $Piped | Remove-OAIProjectUserRole -Force -PassThru }
    }
    @{ Cmdlet = 'Remove-OAIProjectUserRole'; Set = 'Id'; Run = { Remove-OAIProjectUserRole -ProjectId $Seed.Production -UserId $Seed.User30 -RoleId $Made.ProjectRole2.Id -Force -PassThru } }
    @{ Cmdlet = 'Get-OAIProjectGroup'; Set = '__AllParameterSets'; Run = {
            Get-OAIProjectGroup -ProjectId $Seed.Production -PageSize 1
            Get-OAIProjectGroup -ProjectId $Seed.Production -Id $Seed.Engineering -GroupType group
        }
    }
    @{ Cmdlet = 'Add-OAIProjectGroup'; Set = '__AllParameterSets'; Run = {
            Add-OAIProjectGroup -ProjectId $Seed.Production -Id $Seed.Contractors -RoleId $Made.ProjectMember.Id
            Add-OAIProjectGroup -ProjectId $Seed.Production -Id $Seed.Finance -RoleId $Made.ProjectMember.Id
        }
    }
    @{ Cmdlet = 'Get-OAIProjectGroupRole'; Set = 'List'; Run = { Get-OAIProjectGroupRole -ProjectId $Seed.Production -GroupId $Seed.Engineering -PageSize 1 } }
    @{ Cmdlet = 'Get-OAIProjectGroupRole'; Set = 'Role'; Run = { Get-OAIProjectGroupRole -ProjectId $Seed.Production -GroupId $Seed.Engineering -RoleId $Made.ProjectMember.Id } }
    @{ Cmdlet = 'Add-OAIProjectGroupRole'; Set = '__AllParameterSets'; Run = {
            Add-OAIProjectGroupRole -ProjectId $Seed.Production -GroupId $Seed.Contractors -RoleId $Made.ProjectRole.Id
            Add-OAIProjectGroupRole -ProjectId $Seed.Production -GroupId $Seed.Finance -RoleId $Made.ProjectRole2.Id
        }
    }
    @{ Cmdlet = 'Remove-OAIProjectGroupRole'; Set = 'InputObject'; Input = { Get-OAIProjectGroupRole -ProjectId $Seed.Production -GroupId $Seed.Contractors -RoleId $Made.ProjectRole.Id }
        Run = { $Piped | Remove-OAIProjectGroupRole -Force -PassThru }
    }
    @{ Cmdlet = 'Remove-OAIProjectGroupRole'; Set = 'Id'; Run = { Remove-OAIProjectGroupRole -ProjectId $Seed.Production -GroupId $Seed.Finance -RoleId $Made.ProjectRole2.Id -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIProjectGroup'; Set = 'InputObject'; Input = { Get-OAIProjectGroup -ProjectId $Seed.Production -Id $Seed.Contractors }; Run = { $Piped | Remove-OAIProjectGroup -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIProjectGroup'; Set = 'Id'; Run = { Remove-OAIProjectGroup -ProjectId $Seed.Production -Id $Seed.Finance -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIProjectUser'; Set = 'InputObject'; Input = { Get-OAIProjectUser -ProjectId $Seed.Production -Id $Seed.User30 }; Run = { $Piped | Remove-OAIProjectUser -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIProjectUser'; Set = 'Id'; Run = { Remove-OAIProjectUser -ProjectId $Seed.Production -Id $Seed.User31 -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIProjectRole'; Set = 'InputObject'; Run = { $Made.ProjectRole | Remove-OAIProjectRole -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIProjectRole'; Set = 'Id'; Run = { Remove-OAIProjectRole -ProjectId $Seed.Production -Id $Made.ProjectRole2.Id -Force -PassThru } }
    # Machine access: service accounts, their keys, project API keys, rate limits.
    @{ Cmdlet = 'Get-OAIServiceAccount'; Set = 'List'; Run = { Get-OAIServiceAccount -ProjectId $Seed.Production -PageSize 1 } }
    @{ Cmdlet = 'New-OAIServiceAccount'; Set = '__AllParameterSets'; Run = {
            $Made.ServiceAccount = New-OAIServiceAccount -ProjectId $Seed.Production -Name 'contract-sa' -WarningAction SilentlyContinue
            $Made.ServiceAccount2 = New-OAIServiceAccount -ProjectId $Seed.Production -Name 'contract-sa-bare' -NoApiKey
            $Made.ServiceAccount; $Made.ServiceAccount2
        }
    }
    @{ Cmdlet = 'Get-OAIServiceAccount'; Set = 'Id'; Run = { Get-OAIServiceAccount -ProjectId $Seed.Production -Id $Made.ServiceAccount.Id, $Made.ServiceAccount2.Id } }
    @{ Cmdlet = 'Set-OAIServiceAccount'; Set = 'InputObject'; Run = { $Made.ServiceAccount | Set-OAIServiceAccount -Name 'contract-sa-renamed' -Role owner -PassThru } }
    @{ Cmdlet = 'Set-OAIServiceAccount'; Set = 'Id'; Run = { Set-OAIServiceAccount -ProjectId $Seed.Production -Id $Made.ServiceAccount2.Id -Role member -PassThru } }
    @{ Cmdlet = 'New-OAIServiceAccountApiKey'; Set = '__AllParameterSets'; Run = {
            $Made.ServiceAccount2 | New-OAIServiceAccountApiKey -Name 'contract-key' -WarningAction SilentlyContinue
            New-OAIServiceAccountApiKey -ProjectId $Seed.Production -ServiceAccountId $Made.ServiceAccount.Id -Scope 'api.model.read' -WarningAction SilentlyContinue
        }
    }
    @{ Cmdlet = 'Get-OAIProjectApiKey'; Set = '__AllParameterSets'; Run = {
            Get-OAIProjectApiKey -ProjectId $Seed.Production -PageSize 2
            Get-OAIProjectApiKey -ProjectId $Seed.Production -OwnerProjectAccess Any -OwnerType User
            $Made.ProjectKeys = @(Get-OAIProjectApiKey -ProjectId $Seed.Production -OwnerProjectAccess Any | Where-Object OwnerType -eq 'user')
            Get-OAIProjectApiKey -ProjectId $Seed.Production -Id $Made.ProjectKeys[0].Id
        }
    }
    @{ Cmdlet = 'Remove-OAIProjectApiKey'; Set = 'InputObject'; Run = { $Made.ProjectKeys[0] | Remove-OAIProjectApiKey -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIProjectApiKey'; Set = 'Id'; Run = { Remove-OAIProjectApiKey -ProjectId $Seed.Production -Id $Made.ProjectKeys[1].Id -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIServiceAccount'; Set = 'InputObject'; Run = { $Made.ServiceAccount | Remove-OAIServiceAccount -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAIServiceAccount'; Set = 'Id'; Run = { Remove-OAIServiceAccount -ProjectId $Seed.Production -Id $Made.ServiceAccount2.Id -Force -PassThru } }
    @{ Cmdlet = 'Get-OAIRateLimit'; Set = '__AllParameterSets'; Run = { Get-OAIRateLimit -ProjectId $Seed.Production -PageSize 3; Get-OAIRateLimit -ProjectId $Seed.DataScience -Model 'gpt-4o*' } }
    @{ Cmdlet = 'Set-OAIRateLimit'; Set = 'InputObject'; Input = { Get-OAIRateLimit -ProjectId $Seed.Production -Model gpt-4o }; Run = { $Piped | Set-OAIRateLimit -MaxRequestsPer1Minute 500 -PassThru } }
    @{ Cmdlet = 'Set-OAIRateLimit'; Set = 'Id'; Run = { Set-OAIRateLimit -ProjectId $Seed.Production -Id rl-o3 -MaxRequestsPer1Day 5000 -Batch1DayMaxInputTokens 100000000 -PassThru } }
    @{ Cmdlet = 'Get-OAIModelPermission'; Set = '__AllParameterSets'; Run = { Get-OAIModelPermission -ProjectId $Seed.Production; Get-OAIModelPermission -ProjectId $Seed.Default } }
    @{ Cmdlet = 'Set-OAIModelPermission'; Set = '__AllParameterSets'; Run = { Set-OAIModelPermission -ProjectId $Seed.SupportBot -Mode AllowList -ModelId gpt-4o, o3 -PassThru; Set-OAIModelPermission -ProjectId $Seed.DataScience -Mode DenyList -ModelId @() -PassThru } }
    @{ Cmdlet = 'Remove-OAIModelPermission'; Set = '__AllParameterSets'; Run = { Remove-OAIModelPermission -ProjectId $Seed.SupportBot -Force -PassThru } }
    @{ Cmdlet = 'Get-OAIHostedToolPermission'; Set = '__AllParameterSets'; Run = { Get-OAIHostedToolPermission -ProjectId $Seed.SupportBot } }
    @{ Cmdlet = 'Set-OAIHostedToolPermission'; Set = '__AllParameterSets'; Run = { Set-OAIHostedToolPermission -ProjectId $Seed.SupportBot -Enable WebSearch -Disable CodeInterpreter -PassThru } }
    @{ Cmdlet = 'Set-OAIRateLimit'; Set = 'Model'; Run = { Set-OAIRateLimit -ProjectId $Seed.Production -Model dall-e-3 -MaxImagesPer1Minute 100 -MaxRequestsPer1Minute 7000 -PassThru } }
    @{ Cmdlet = 'Get-OAIAccessReport'; Set = '__AllParameterSets'; Run = { Get-OAIAccessReport -StaleDays 90 -ThrottleLimit 2; Get-OAIProject -Id $Seed.Production | Get-OAIAccessReport } }

    # Spend limits, alerts and data retention. A scope without a limit answers 404, which the contract does not list, and
    # Set-OAISpendLimit reads the current limit first, so every case reads, changes or removes a limit where one is set:
    # the organization's is put in place straight at the simulator (not through the proxy) before the first case.
    @{ Cmdlet = 'Set-OAISpendLimit'; Set = '__AllParameterSets'
        Input = {
            Invoke-RestMethod -Method Post -Uri "$($SimulatorUrl.TrimEnd('/'))/organization/spend_limit" -Headers @{ Authorization = "Bearer $FakeKey" } `
                -ContentType 'application/json' -Body '{"threshold_amount":100000,"currency":"USD","interval":"month"}'
        }
        Run = {
            Set-OAISpendLimit -Amount 5000.50 -PassThru
            Set-OAISpendLimit -ProjectId $Seed.Production -Amount 750 -PassThru
            Set-OAISpendLimit -ProjectId $Seed.SupportBot -Amount 0.01 -PassThru
        }
    }
    @{ Cmdlet = 'Get-OAISpendLimit'; Set = '__AllParameterSets'; Run = { Get-OAISpendLimit; Get-OAISpendLimit -ProjectId $Seed.Production; Get-OAISpendLimit $Seed.SupportBot } }
    @{ Cmdlet = 'Remove-OAISpendLimit'; Set = 'InputObject'; Input = { Get-OAISpendLimit -ProjectId $Seed.SupportBot }; Run = { $Piped | Remove-OAISpendLimit -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAISpendLimit'; Set = 'Scope'; Run = { Remove-OAISpendLimit -Force -PassThru; Remove-OAISpendLimit -ProjectId $Seed.Production -Force -PassThru } }
    @{ Cmdlet = 'Get-OAISpendAlert'; Set = 'List'; Run = { Get-OAISpendAlert -PageSize 1; Get-OAISpendAlert -ProjectId $Seed.Production -PageSize 1 } }
    @{ Cmdlet = 'New-OAISpendAlert'; Set = '__AllParameterSets'; Run = {
            $Made.SpendAlert = New-OAISpendAlert -Amount 1234.56 -Recipient contract.finance@example.com, contract.cfo@example.com -SubjectPrefix '[Contract]'
            $Made.ProjectSpendAlert = New-OAISpendAlert -ProjectId $Seed.Production -Amount 0 -Recipient contract.ops@example.com
            $Made.SpendAlert, $Made.ProjectSpendAlert
        }
    }
    @{ Cmdlet = 'Get-OAISpendAlert'; Set = 'Id'; Run = { Get-OAISpendAlert -Id $Made.SpendAlert.Id; Get-OAISpendAlert -ProjectId $Seed.Production -Id $Made.ProjectSpendAlert.Id } }
    @{ Cmdlet = 'Set-OAISpendAlert'; Set = '__AllParameterSets'; Run = {
            $Made.SpendAlert | Set-OAISpendAlert -Amount 2000 -RemoveRecipient contract.cfo@example.com -SubjectPrefix '' -PassThru
            $Made.ProjectSpendAlert | Set-OAISpendAlert -AddRecipient contract.oncall@example.com -SubjectPrefix '[prod]' -PassThru
        }
    }
    @{ Cmdlet = 'Remove-OAISpendAlert'; Set = 'InputObject'; Run = { $Made.ProjectSpendAlert | Remove-OAISpendAlert -Force -PassThru } }
    @{ Cmdlet = 'Remove-OAISpendAlert'; Set = 'Id'; Run = { Remove-OAISpendAlert -Id $Made.SpendAlert.Id -Force -PassThru } }
    @{ Cmdlet = 'Get-OAIDataRetention'; Set = '__AllParameterSets'; Run = { Get-OAIDataRetention; Get-OAIDataRetention -ProjectId $Seed.Production; Get-OAIDataRetention $Seed.DataScience } }
    @{ Cmdlet = 'Set-OAIDataRetention'; Set = '__AllParameterSets'; Run = {
            Set-OAIDataRetention -RetentionType zero_data_retention -Force -PassThru
            Set-OAIDataRetention -ProjectId $Seed.Production -RetentionType none -Force -PassThru
            Set-OAIDataRetention -ProjectId $Seed.Production -RetentionType organization_default -Force -PassThru
        }
    }
    # Usage and costs: every kind with every group_by value and filter it takes, pages that say has_more, names.
    @{ Cmdlet = 'Get-OAIUsage'; Set = '__AllParameterSets'; Run = {
            $start = [DateTimeOffset]::new(2026, 10, 1, 0, 0, 0, [TimeSpan]::Zero)
            $key = (Find-Seed (Get-Direct "organization/projects/$($Seed.DataScience)/api_keys?owner_project_access=any") name 'analysis')
            Get-OAIUsage -Kind Completions -StartTime $start -EndTime $start.AddDays(40) -GroupBy project_id, user_id, api_key_id, model, batch, service_tier -Model gpt-4o, o3 -Batch $false -IncludeName
            Get-OAIUsage -Kind Completions -BucketWidth 1h -StartTime $start -EndTime $start.AddDays(8) -ProjectId $Seed.Production -UserId $Seed.User2
            Get-OAIUsage -Kind Embeddings -BucketWidth 1m -StartTime $start -EndTime $start.AddHours(30) -GroupBy model -ApiKeyId $key
            Get-OAIUsage -Kind Moderations -StartTime $start -EndTime $start.AddDays(3) -GroupBy project_id, user_id, api_key_id, model
            Get-OAIUsage -Kind Images -StartTime $start -EndTime $start.AddDays(3) -GroupBy project_id, user_id, api_key_id, model, size, source -Source image.generation, image.edit -Size 1024x1024
            Get-OAIUsage -Kind AudioSpeeches -StartTime $start -EndTime $start.AddDays(3) -GroupBy project_id, user_id, api_key_id, model -Model tts-1
            Get-OAIUsage -Kind AudioTranscriptions -StartTime $start -EndTime $start.AddDays(3) -GroupBy project_id, user_id, api_key_id, model
            Get-OAIUsage -Kind VectorStores -StartTime $start -EndTime $start.AddDays(3) -GroupBy project_id -ProjectId $Seed.Production, $Seed.DataScience
            Get-OAIUsage -Kind CodeInterpreterSessions -StartTime $start -EndTime $start.AddDays(3) -GroupBy project_id
            Get-OAIUsage -Kind FileSearchCalls -StartTime $start -EndTime $start.AddDays(3) -GroupBy project_id, user_id, api_key_id, vector_store_id
            Get-OAIUsage -Kind WebSearchCalls -StartTime $start -EndTime $start.AddDays(3) -GroupBy project_id, user_id, api_key_id, model, context_level -ContextLevel low, high
        }
    }
    @{ Cmdlet = 'Get-OAICost'; Set = '__AllParameterSets'; Run = {
            $start = [DateTimeOffset]::new(2026, 1, 1, 0, 0, 0, [TimeSpan]::Zero)
            $key = (Find-Seed (Get-Direct "organization/projects/$($Seed.DataScience)/api_keys?owner_project_access=any") name 'analysis')
            Get-OAICost -StartTime $start -EndTime $start.AddDays(200) -GroupBy project_id, line_item, api_key_id -IncludeName
            Get-OAICost -StartTime $start -EndTime $start.AddDays(10) -ProjectId $Seed.DataScience -ApiKeyId $key
        }
    }
    # Audit logs: every filter (effective_at[gte]/[lt] are not in the spec's spelling of the object parameter, so Prism
    # passes them unchecked), tenant events, and the export's first and incremental runs.
    @{ Cmdlet = 'Get-OAIAuditLog'; Set = 'List'; Run = {
            Get-OAIAuditLog -PageSize 50 -First 120
            Get-OAIAuditLog -EventType 'api_key.*', login.failed, 'role.*' -StartTime '2025-02-01Z' -EndTime '2025-04-01Z' -ProjectId $Seed.Default, $Seed.Production
            Get-OAIAuditLog -ActorEmail $Seed.Email7 -ActorId $Seed.User1, $Seed.User2 -ResourceId $Seed.Production, $Seed.User10 -First 5
            Get-OAIAuditLog -TenantOnly -EventType 'tenant.user.*', role.bound_to_resource, role.unbound_from_resource -PageSize 3 -First 7
            Get-OAIAuditLog -TenantOnly -First 100
        }
    }
    @{ Cmdlet = 'Export-OAIAuditLog'; Set = '__AllParameterSets'; Run = {
            $path = Join-Path $Scratch 'audit.jsonl'
            Export-OAIAuditLog -Path $path -StatePath "$path.state.json"
            Export-OAIAuditLog -Path $path -StatePath "$path.state.json"
            Export-OAIAuditLog -Path (Join-Path $Scratch 'tenant.jsonl') -TenantOnly -EventType 'tenant.*' -StartTime '2025-03-01Z' -PassThru | Select-Object -First 3
        }
    }
)

# Documented error answers: the contract defines their shape, so they are validated like any other response.
$Cases += @(
    @{ Cmdlet = 'Set-OAIProject'; Set = '__AllParameterSets'; ExpectError = 'ApiBadRequest'; Run = { Set-OAIProject -Id $Seed.Default -Name 'Renamed default' } }
    @{ Cmdlet = 'Get-OAIServiceAccount'; Set = 'List'; ExpectError = 'ApiBadRequest'; Run = { Get-OAIServiceAccount -ProjectId $Seed.Legacy } }
    @{ Cmdlet = 'New-OAIServiceAccount'; Set = '__AllParameterSets'; ExpectError = 'ApiBadRequest'; Run = { New-OAIServiceAccount -ProjectId $Seed.Legacy -Name refused -WarningAction SilentlyContinue } }
    @{ Cmdlet = 'Remove-OAIProjectApiKey'; Set = 'Id'; ExpectError = 'ApiBadRequest'; Run = { Remove-OAIProjectApiKey -ProjectId $Seed.Production -Id $Seed.ServiceAccountKey -Force } }
    @{ Cmdlet = 'Set-OAIRateLimit'; Set = 'Id'; ExpectError = 'ApiBadRequest'; Run = { Set-OAIRateLimit -ProjectId $Seed.Production -Id rl-gpt-4o -MaxRequestsPer1Minute 999999999 } }
    @{ Cmdlet = 'Get-OAIGroup'; Set = 'List'; ExpectError = 'ApiRateLimited'; Run = { Get-OAIGroup }
        Fault = @{ kind = 'status'; status = 429; retry_after = '1'; method = 'GET'; path = '/v1/organization/groups'; count = 1 }
    }
)

# The list variants the simulator can serve (POST /_sim/behaviour) must stay inside the contract too: every read-only
# list case runs again with next = the last id and id-cursor pages without first_id/last_id.
$Cases += @($Cases | Where-Object { $_.Cmdlet -like 'Get-*' -and $_.Set -in 'List', 'GroupId', 'InputObject' -and -not $_.ContainsKey('ExpectError') } | ForEach-Object {
        $variant = $_.Clone()
        $variant.Behaviour = @{ next_cursor = 'last_id'; id_cursor_bounds = 'omitted' }
        $variant
    })

# "METHOD /path" templates of the declarations, most literal first, so that /certificates/activate is not read as
# /certificates/{certificate_id}.
$Declared = @(Get-OAICmdletOperation -IncludeLookup)
$Templates = @($Declared | Select-Object -Property Key, Method, Path -Unique | Sort-Object { ([regex]::Matches($_.Path, '\{')).Count }, Path | ForEach-Object {
        $pattern = '^' + (([regex]::Escape($_.Path)) -replace '\\\{[^}]+}', '[^/]+') + '$'
        [pscustomobject]@{ Key = $_.Key; Method = $_.Method; Regex = [regex]::new($pattern) }
    })

function Resolve-Operation([string] $Method, [string] $Path) {
    $relative = $Path -replace '^/v1', ''
    foreach ($template in $Templates) {
        if ($template.Method -eq $Method -and $template.Regex.IsMatch($relative)) { return $template.Key }
    }
    return "$Method $relative (undeclared)"
}

# Runs a script block with Debug on and errors collected; returns @{ Output; Problems } where Problems lists the
# errors written and every Prism verdict found in the responses (sl-violations header, Prism's own problem answers).
function Invoke-Captured([scriptblock] $Script) {
    $problems = [System.Collections.Generic.List[string]]::new()
    $output = [System.Collections.Generic.List[object]]::new()
    $records = @()
    try {
        $DebugPreference = 'Continue'
        $ErrorActionPreference = 'Continue'
        $records = @(& $Script 5>&1 2>&1)
    }
    catch {
        $problems.Add("terminating error $($_.FullyQualifiedErrorId): $($_.Exception.Message)")
    }
    finally {
        $DebugPreference = 'SilentlyContinue'
        $ErrorActionPreference = 'Stop'
    }

    foreach ($record in $records) {
        if ($record -is [System.Management.Automation.ErrorRecord]) {
            $problems.Add("error $($record.FullyQualifiedErrorId): $($record.Exception.Message)")
        }
        elseif ($record -is [System.Management.Automation.DebugRecord]) {
            if ($record.Message -notlike 'HTTP response*') { continue }
            $status = if ($record.Message -match '^HTTP response (\d+)') { [int]$Matches[1] } else { 0 }
            if ($record.Message -match '(?m)^\s*sl-violations: (.+)$') { $problems.Add("Prism reports: $($Matches[1])") }
            if ($record.Message -match 'stoplight\.io/prism/errors#(\w+)') {
                $kind = $Matches[1]
                $body = if ($record.Message -match '(?s)body: (.+)$') { $Matches[1] } else { '' }
                $problems.Add("Prism answered $status $kind`: $body")
            }
        }
        elseif ($record -isnot [System.Management.Automation.InformationalRecord]) {
            $output.Add($record)
        }
    }
    return @{ Output = $output.ToArray(); Problems = $problems }
}

# The simulator's request log since the previous call of this function.
$script:RequestsSeen = 0
function Get-NewSimulatorRequest {
    # Invoke-RestMethod emits a JSON array as one object: assign it first, then enumerate.
    $calls = Invoke-RestMethod -Uri "$SimulatorRoot/_sim/requests"
    $requests = @($calls)
    $new = @($requests | Select-Object -Skip $script:RequestsSeen)
    $script:RequestsSeen = $requests.Count
    return $new
}

Invoke-RestMethod -Method Post -Uri "$SimulatorRoot/_sim/reset" | Out-Null
$Seed = Get-ContractSeed
Connect-Proxy

# Preflight: an answer the contract does not define (a 409 for a project lookup) must be reported, or this run could not
# fail at all (a proxy that does not validate, or a log format this script no longer reads).
$fault = @{ kind = 'status'; status = 409; method = 'GET'; path = "/v1/organization/projects/$($Seed.Default)"; count = 1 } | ConvertTo-Json
Invoke-RestMethod -Method Post -Uri "$SimulatorRoot/_sim/faults" -ContentType 'application/json' -Body $fault | Out-Null
$preflight = Invoke-Captured { Get-OAIProject -Id $Seed.Default }
$reported = @($preflight.Problems | Where-Object { $_ -like 'Prism reports:*' }).Count
Start-Sleep -Milliseconds 500
$logLines = @(Get-Content -LiteralPath $PrismLog)
if ($reported -eq 0 -or -not ($logLines -match 'Violation:')) {
    Write-Host 'Contract: the preflight violation was not reported by the proxy (header or log); the run cannot detect violations.'
    exit 1
}
$logStart = $logLines.Count
Invoke-RestMethod -Method Post -Uri "$SimulatorRoot/_sim/reset" | Out-Null
$script:RequestsSeen = 0

$failures = [System.Collections.Generic.List[string]]::new()
$exercised = @{}
$caseNumber = 0

foreach ($case in $Cases) {
    $caseNumber++
    $label = "$($case.Cmdlet) [$($case.Set)]"
    if ($case.ContainsKey('Behaviour')) {
        $label += ' with ' + (($case.Behaviour.GetEnumerator() | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ', ')
        Invoke-RestMethod -Method Post -Uri "$SimulatorRoot/_sim/behaviour" -ContentType 'application/json' -Body ($case.Behaviour | ConvertTo-Json) | Out-Null
    }
    $problems = [System.Collections.Generic.List[string]]::new()
    $Piped = @()
    if ($case.ContainsKey('Input')) {
        $prepared = Invoke-Captured $case.Input
        $Piped = $prepared.Output
        foreach ($problem in $prepared.Problems) { $problems.Add("input: $problem") }
        if ($Piped.Count -eq 0) { $problems.Add('input: produced nothing to pipe') }
        foreach ($request in Get-NewSimulatorRequest) { $exercised[(Resolve-Operation $request.method $request.path)] = $true }
    }

    if ($case.ContainsKey('Fault')) {
        Invoke-RestMethod -Method Post -Uri "$SimulatorRoot/_sim/faults" -ContentType 'application/json' -Body ($case.Fault | ConvertTo-Json) | Out-Null
    }
    $result = Invoke-Captured $case.Run
    if ($case.ContainsKey('Behaviour')) {
        $defaults = @{ next_cursor = 'opaque'; id_cursor_bounds = 'present'; cursor_missing = $false } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri "$SimulatorRoot/_sim/behaviour" -ContentType 'application/json' -Body $defaults | Out-Null
    }
    foreach ($problem in $result.Problems) {
        # The one error a documented-error case provokes is its point; anything else it writes is still a problem.
        if ($case.ContainsKey('ExpectError') -and $problem -like "error $($case.ExpectError),*") { $expected = $true; continue }
        $problems.Add($problem)
    }
    if ($case.ContainsKey('ExpectError') -and -not (Get-Variable expected -ValueOnly -ErrorAction SilentlyContinue)) {
        $problems.Add("expected the error $($case.ExpectError), which did not occur")
    }
    Remove-Variable expected -ErrorAction SilentlyContinue

    # What the cmdlet really called: the simulator's log since the input was fetched.
    $new = @(Get-NewSimulatorRequest)
    $own = @($Declared | Where-Object Cmdlet -EQ $case.Cmdlet | ForEach-Object Key)
    foreach ($request in $new) {
        $operation = Resolve-Operation $request.method $request.path
        if ($own -notcontains $operation) {
            $problems.Add("called $operation, which $($case.Cmdlet) does not declare")
        }
        $exercised[$operation] = $true
    }
    if ($own.Count -gt 0 -and $new.Count -eq 0 -and $problems.Count -eq 0) {
        $problems.Add('made no request through the proxy, so nothing was validated')
    }

    $status = if ($problems.Count -eq 0) { 'ok' } else { 'FAIL' }
    Write-Host ("{0,3} {1,-4} {2} ({3} requests)" -f $caseNumber, $status, $label, $new.Count)
    foreach ($problem in $problems) {
        Write-Host "         $problem"
        $failures.Add("$label`: $problem")
    }
}

# has_more without a cursor makes the client stop with an error (tested in the xunit and Pester suites), so those
# envelopes are checked here straight through the proxy: they must still be valid responses.
Invoke-RestMethod -Method Post -Uri "$SimulatorRoot/_sim/behaviour" -ContentType 'application/json' -Body (@{ cursor_missing = $true } | ConvertTo-Json) | Out-Null
$costStart = [DateTimeOffset]::new(2026, 1, 1, 0, 0, 0, [TimeSpan]::Zero).ToUnixTimeSeconds()
foreach ($path in 'organization/groups?limit=2', "organization/groups/$($Seed.Engineering)/users?limit=2", 'organization/roles?limit=2',
    "organization/users/$($Seed.User2)/roles?limit=0", "organization/groups/$($Seed.Finance)/roles?limit=0", "organization/costs?start_time=$costStart&limit=2") {
    $response = Invoke-WebRequest -Uri "$ProxyUrl/$path" -Headers @{ Authorization = "Bearer $FakeKey" } -SkipHttpErrorCheck
    # Content is text for application/json and bytes for Prism's application/problem+json.
    $text = if ($response.Content -is [byte[]]) { [Text.Encoding]::UTF8.GetString($response.Content) } else { $response.Content }
    $violations = $response.Headers['sl-violations']
    $state = if ($response.StatusCode -eq 200 -and -not $violations -and $text -match '"has_more":true') { 'ok' } else { 'FAIL' }
    Write-Host ("    {0,-4} GET /{1} with cursor_missing" -f $state, $path)
    if ($state -ne 'ok') { $failures.Add("GET /$path with cursor_missing: HTTP $($response.StatusCode) $violations $text") }
}
Invoke-RestMethod -Method Post -Uri "$SimulatorRoot/_sim/behaviour" -ContentType 'application/json' -Body (@{ cursor_missing = $false } | ConvertTo-Json) | Out-Null

# Every parameter set of every exported cmdlet has a case.
$sets = foreach ($command in Get-Command -Module OpenAIAdmin -CommandType Cmdlet) {
    foreach ($set in $command.ParameterSets) { "$($command.Name) [$($set.Name)]" }
}
if (@($sets).Count -eq 0) { $failures.Add('the module exports no cmdlet: nothing was checked') }
$covered = @($Cases | ForEach-Object { "$($_.Cmdlet) [$($_.Set)]" })
foreach ($set in $sets) {
    if ($covered -notcontains $set) { $failures.Add("no contract case runs $set") }
}
foreach ($case in $covered | Sort-Object -Unique) {
    if (@($sets) -notcontains $case) { $failures.Add("the case $case names a cmdlet or parameter set the module does not have") }
}

# Every declared operation went through the proxy at least once.
foreach ($operation in $Declared.Key | Sort-Object -Unique) {
    if (-not $exercised.ContainsKey($operation)) { $failures.Add("no case exercised $operation") }
}

# Prism's own log: violations it only logs (warnings) and requests it refused or answered itself.
Start-Sleep -Milliseconds 500
$run = @(Get-Content -LiteralPath $PrismLog | Select-Object -Skip $logStart)
foreach ($line in $run -match 'Violation:|Request terminated with error') { $failures.Add("Prism log: $($line.Trim())") }
$received = @($run -match 'Request received').Count

Remove-Item $Scratch -Recurse -Force -ErrorAction SilentlyContinue
Write-Host ("Contract: {0} cases, {1} requests through the proxy, {2} of {3} declared operations exercised, {4} problems" -f
    $Cases.Count, $received, @($exercised.Keys | Where-Object { $_ -notlike '*(undeclared)' }).Count, @($Declared.Key | Sort-Object -Unique).Count, $failures.Count)
if ($failures.Count -gt 0) {
    Write-Host 'Contract problems:'
    $failures | Sort-Object -Unique | ForEach-Object { Write-Host "  $_" }
    exit 1
}
Write-Host 'Contract: no violations.'
