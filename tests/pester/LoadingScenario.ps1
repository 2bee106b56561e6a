# One loading scenario, run by Loading.Tests.ps1 in a fresh pwsh process (a binary module cannot be re-imported).
# Prints one line 'LOADING-RESULT=<json>' with what it observed; the test file makes the assertions.
param(
    [Parameter(Mandatory)]
    [ValidateSet('FixtureFirst', 'OpenAIAdminFirst', 'Runspaces', 'MissingCoreAtImport', 'CoreDeletedAfterImport', 'MissingDependency')]
    [string] $Scenario,

    [Parameter(Mandatory)][string] $ModulePath,
    [string] $FixturePath,
    [string] $SimulatorUrl
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Remove-Item Env:OPENAI_ADMIN_KEY, Env:OPENAI_BASE_URL -ErrorAction SilentlyContinue

# Obviously fake; the simulator accepts any admin-shaped key.
$fakeKey = ConvertTo-SecureString 'sk-admin-loading-fake-key' -AsPlainText -Force
$result = [ordered]@{ Scenario = $Scenario }

# A loopback port nobody listens on: bind an ephemeral port, then release it.
$listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
$listener.Start()
$closedPort = $listener.LocalEndpoint.Port
$listener.Stop()
$unreachable = "http://127.0.0.1:$closedPort/v1"

function Get-ErrorInfo([scriptblock] $Script) {
    try {
        & $Script | Out-Null
        return @{ Id = '<no error>'; Messages = @() }
    }
    catch {
        $messages = @()
        for ($e = $_.Exception; $null -ne $e; $e = $e.InnerException) { $messages += $e.Message }
        return @{ Id = $_.FullyQualifiedErrorId; Messages = $messages }
    }
}

function Get-LoadedAssembly {
    $names = 'OpenAIAdmin', 'OpenAIAdmin.Core', 'Microsoft.Extensions.Http', 'Microsoft.Extensions.DependencyInjection',
        'Microsoft.Extensions.Options', 'Microsoft.Extensions.Logging', 'System.Text.Json', 'Microsoft.Bcl.AsyncInterfaces'
    foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
        $name = $assembly.GetName()
        if ($name.Name -notin $names) { continue }
        $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly)
        [ordered]@{
            Name     = $name.Name
            Version  = $name.Version.ToString()
            Context  = if ($context -eq [System.Runtime.Loader.AssemblyLoadContext]::Default) { 'Default' } else { $context.GetType().FullName }
            Location = $assembly.Location
        }
    }
}

function Invoke-Fixture {
    $info = Get-ConflictHttpInfo -Uri "http://127.0.0.1:$closedPort/"
    [ordered]@{
        HttpVersion                = $info.HttpVersion.ToString()
        HttpFileVersion            = $info.HttpFileVersion
        HttpLocation               = $info.HttpLocation
        DependencyInjectionVersion = $info.DependencyInjectionVersion.ToString()
        OptionsVersion             = $info.OptionsVersion.ToString()
        ClientTimeout              = $info.ClientTimeout.TotalSeconds
        RequestOutcome             = $info.RequestOutcome
    }
}

function Invoke-OpenAIAdmin {
    $ours = [ordered]@{}
    if ($SimulatorUrl) {
        Connect-OAIAdmin -ApiKey $fakeKey -BaseUri $SimulatorUrl -MaxRetryCount 0
        $ours.SimulatorProjects = @(Get-OAIProject -First 1 | ForEach-Object { $_.GetType().FullName })
    }
    # Connect builds the HttpClient through IHttpClientFactory (Microsoft.Extensions.Http) without sending anything.
    Connect-OAIAdmin -ApiKey $fakeKey -BaseUri $unreachable -MaxRetryCount 0 -TimeoutSec 10
    $context = Get-OAIAdminContext
    $ours.ContextBaseUri = $context.BaseUri.AbsoluteUri
    $ours.ContextUserAgent = $context.UserAgent
    $ours.UnreachableError = (Get-ErrorInfo { Get-OAIProject -ErrorAction Stop }).Id
    $ours
}

switch ($Scenario) {
    'FixtureFirst' {
        Import-Module $FixturePath
        $result.Fixture = Invoke-Fixture
        Import-Module $ModulePath
        $result.OpenAIAdmin = Invoke-OpenAIAdmin
        $result.FixtureAgain = Invoke-Fixture
        # Control: without the private context our Microsoft.Extensions.Http could not join the one already loaded.
        $ourHttp = Join-Path (Split-Path $ModulePath) 'Dependencies/Microsoft.Extensions.Http.dll'
        $result.DefaultContextControl = (Get-ErrorInfo {
                [System.Runtime.Loader.AssemblyLoadContext]::Default.LoadFromAssemblyPath($ourHttp)
            }).Messages | Select-Object -First 1
    }
    'OpenAIAdminFirst' {
        Import-Module $ModulePath
        $result.OpenAIAdmin = Invoke-OpenAIAdmin
        Import-Module $FixturePath
        $result.Fixture = Invoke-Fixture
        $result.OpenAIAdminAgain = [ordered]@{ UnreachableError = (Get-ErrorInfo { Get-OAIProject -ErrorAction Stop }).Id }
    }
    'Runspaces' {
        # Five runspaces import at once; three of them remove the module again; the other two then use it for the
        # first time, concurrently. The loader must neither load the core twice nor drop its resolver while any
        # runspace still has the module.
        $runspaces = foreach ($i in 1..5) {
            $runspace = [runspacefactory]::CreateRunspace()
            $runspace.Open()
            $runspace
        }
        function Invoke-Concurrently([string] $Script, [object[]] $On) {
            $running = foreach ($runspace in $On) {
                $ps = [powershell]::Create()
                $ps.Runspace = $runspace
                $null = $ps.AddScript($Script)
                [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
            }
            foreach ($item in $running) {
                try {
                    $item.PowerShell.EndInvoke($item.Handle) | ForEach-Object { "$_" }
                }
                catch {
                    "EndInvoke failed: $($_.Exception.InnerException.Message)"
                }
                finally {
                    $item.PowerShell.Dispose()
                }
            }
        }
        $probe = 'try { Get-OAIProject -ErrorAction Stop | Out-Null; "<no error>" } catch { $_.FullyQualifiedErrorId }'
        $result.Imports = @(Invoke-Concurrently "Import-Module '$ModulePath'; (Get-Module OpenAIAdmin).Name" $runspaces)
        $result.Removed = @(Invoke-Concurrently 'Remove-Module OpenAIAdmin; @(Get-Module OpenAIAdmin).Count' $runspaces[0..2])
        $result.CoreLoadedBeforeFirstUse = $null -ne ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'OpenAIAdmin.Core' })
        $result.FirstUse = @(Invoke-Concurrently $probe $runspaces[3..4])
        $result.ReImport = @(Invoke-Concurrently "Import-Module '$ModulePath'; (Get-Module OpenAIAdmin).Name" $runspaces[0])
        $null = Invoke-Concurrently "Connect-OAIAdmin -ApiKey (ConvertTo-SecureString 'sk-admin-loading-fake-key' -AsPlainText -Force) -BaseUri '$unreachable' -MaxRetryCount 0" $runspaces[3]
        $result.Unreachable = @(Invoke-Concurrently $probe $runspaces[0, 3, 4])
        $result.PrivateContexts = @([System.Runtime.Loader.AssemblyLoadContext]::All |
                Where-Object { $_.GetType().FullName -eq 'OpenAIAdmin.Commands.Loading.IsolatedLoader+DependencyLoadContext' }).Count
        foreach ($runspace in $runspaces) { $runspace.Dispose() }
    }
    'MissingCoreAtImport' {
        $result.Import = Get-ErrorInfo { Import-Module $ModulePath -ErrorAction Stop }
        $result.ModuleImported = $null -ne (Get-Module OpenAIAdmin)
    }
    'CoreDeletedAfterImport' {
        # Past the import-time check: this is the resolver's own path, which used to recurse until pwsh died.
        Import-Module $ModulePath
        Remove-Item (Join-Path (Split-Path $ModulePath) 'Dependencies/OpenAIAdmin.Core.dll')
        $result.FirstCall = Get-ErrorInfo { Get-OAIProject -ErrorAction Stop }
        $result.SecondCall = Get-ErrorInfo { Get-OAIUser -ErrorAction Stop }
    }
    'MissingDependency' {
        Import-Module $ModulePath
        $result.Connect = Get-ErrorInfo { Connect-OAIAdmin -ApiKey $fakeKey -BaseUri $unreachable -ErrorAction Stop }
    }
}

$result.Assemblies = @(Get-LoadedAssembly)
$result.Survived = $true
'LOADING-RESULT=' + ($result | ConvertTo-Json -Depth 6 -Compress)
