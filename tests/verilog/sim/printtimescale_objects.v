// $printtimescale of objects (Icarus accepts any named object: its full name, the timescale of
// its module); a parameter whose value is a string literal displays as that string.
`timescale 1ns/10ps
module sub;
  parameter P = 3;
  reg [3:0] r;
endmodule
`timescale 1us/1ns
module printtimescale_objects;
  parameter S = "text";
  reg [7:4] v;
  reg m [0:1];
  sub u();
  initial begin
    $printtimescale;
    $printtimescale(u);
    $printtimescale(u.P);
    $printtimescale(u.r[2]);
    $printtimescale(v[6:5]);
    $printtimescale(m[1]);
    $display(S);
    $display("%s|%s", S, S);
  end
endmodule
