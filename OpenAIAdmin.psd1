@{
    RootModule           = 'OpenAIAdmin.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '732afb01-6cc4-4d28-8f7f-42b6d9dd153d'
    Author               = 'OpenAIAdmin contributors'
    CompanyName          = 'OpenAIAdmin contributors'
    Copyright            = '(c) 2026 OpenAIAdmin contributors. MIT License.'
    Description          = 'Administer an OpenAI organization from PowerShell through the OpenAI Administration API: projects, admin API keys, users and more, as typed objects with automatic paging, -WhatIf/-Confirm on every change, retries and keys that never leak.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @(
        'Formats/Common.Format.ps1xml'
        'Formats/Projects.Format.ps1xml'
        'Formats/AdminApiKeys.Format.ps1xml'
        'Formats/Users.Format.ps1xml'
        'Formats/Groups.Format.ps1xml'
        'Formats/Certificates.Format.ps1xml'
        'Formats/Costs.Format.ps1xml'
        'Formats/Invites.Format.ps1xml'
        'Formats/Roles.Format.ps1xml'
        'Formats/ProjectUsers.Format.ps1xml'
        'Formats/ProjectGroups.Format.ps1xml'
        'Formats/ProjectRoles.Format.ps1xml'
    )
    TypesToProcess       = @('OpenAIAdmin.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-OAIAdmin'
        'Disconnect-OAIAdmin'
        'Get-OAIAdminContext'
        'Get-OAIProject'
        'New-OAIProject'
        'Set-OAIProject'
        'Remove-OAIProject'
        'Get-OAIAdminApiKey'
        'New-OAIAdminApiKey'
        'Remove-OAIAdminApiKey'
        'Get-OAIUser'
        'Set-OAIUser'
        'Remove-OAIUser'
        'Get-OAIInvite'
        'New-OAIInvite'
        'Remove-OAIInvite'
        'Get-OAIGroup'
        'New-OAIGroup'
        'Set-OAIGroup'
        'Remove-OAIGroup'
        'Get-OAIGroupMember'
        'Add-OAIGroupMember'
        'Remove-OAIGroupMember'
        'Get-OAIRole'
        'New-OAIRole'
        'Set-OAIRole'
        'Remove-OAIRole'
        'Get-OAIUserRole'
        'Add-OAIUserRole'
        'Remove-OAIUserRole'
        'Get-OAIGroupRole'
        'Add-OAIGroupRole'
        'Remove-OAIGroupRole'
        'Get-OAICertificate'
        'Import-OAICertificate'
        'Set-OAICertificate'
        'Remove-OAICertificate'
        'Enable-OAICertificate'
        'Disable-OAICertificate'
        'Get-OAIProjectUser'
        'Add-OAIProjectUser'
        'Set-OAIProjectUser'
        'Remove-OAIProjectUser'
        'Get-OAIProjectUserRole'
        'Add-OAIProjectUserRole'
        'Remove-OAIProjectUserRole'
        'Get-OAIProjectGroup'
        'Add-OAIProjectGroup'
        'Remove-OAIProjectGroup'
        'Get-OAIProjectGroupRole'
        'Add-OAIProjectGroupRole'
        'Remove-OAIProjectGroupRole'
        'Get-OAIProjectRole'
        'New-OAIProjectRole'
        'Set-OAIProjectRole'
        'Remove-OAIProjectRole'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            # No ProjectUri, LicenseUri or HelpInfoURI: the project has no public address yet (the licence ships
            # as LICENSE in the module folder). ReleaseNotes are written into the packed copy from CHANGELOG.md by
            # build.ps1 -Task Package (build/Package.psm1); do not add them here.
            Tags = @('OpenAI', 'Admin', 'Administration', 'API', 'Organization', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
        }
    }
}
