# Bench only: the manifest of the reference module (see MinimalModule.cs).
@{
    RootModule        = 'MinimalModule.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '5b0f3a4e-2f8e-4a43-9d55-1f1c6a0d7e21'
    CompatiblePSEditions = @('Core')
    PowerShellVersion = '7.0'
    CmdletsToExport   = @('Get-MinimalUser')
    FunctionsToExport = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
