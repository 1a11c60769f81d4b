// plusargs: +firmware=data/fw_prog.hex
// A testbench loads the program named by a plusarg into the RAM after the RAM's own
// $readmemh of its default image: the child's initial block runs first (Icarus's order).
module ram;
  reg [7:0] mem [0:3];
  initial $readmemh("data/fw_default.hex", mem);
endmodule
module tb;
  reg [8*64-1:0] fw;
  initial begin
    if ($value$plusargs("firmware=%s", fw)) $readmemh(fw, u.mem);
    #1 $display("%h %h %h %h", u.mem[0], u.mem[1], u.mem[2], u.mem[3]);
  end
  ram u();
endmodule
